package io.otelref.billing.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.client.GatewayCapture;
import io.otelref.billing.client.GatewayCaptureRequest;

/**
 * The money the simulated gateway has taken. Like a real gateway, it remembers each Idempotency-Key
 * for a while and answers a repeated key with the first capture instead of charging again; a request
 * without a key is charged every time.
 */
@ApplicationScoped
public class CaptureLedger {

    /** One idempotency key's capture, and how many requests asked for it. */
    public record KeyedCapture(GatewayCapture capture, int requests) {
    }

    private static final int REMEMBERED_KEYS = 100_000;

    private final AtomicLong charges = new AtomicLong();
    private final Map<String, KeyedCapture> byKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KeyedCapture> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };

    GatewayCapture capture(String idempotencyKey, GatewayCaptureRequest request) {
        if (idempotencyKey == null) {
            return charge(request);
        }
        synchronized (byKey) {
            KeyedCapture earlier = byKey.get(idempotencyKey);
            KeyedCapture current = earlier == null ? new KeyedCapture(charge(request), 1)
                    : new KeyedCapture(earlier.capture(), earlier.requests() + 1);
            byKey.put(idempotencyKey, current);
            return current.capture();
        }
    }

    /** The capture made under {@code idempotencyKey}, if the gateway still remembers it. */
    public Optional<KeyedCapture> find(String idempotencyKey) {
        synchronized (byKey) {
            return Optional.ofNullable(byKey.get(idempotencyKey));
        }
    }

    /** How many times money was taken since the service started. */
    public long charges() {
        return charges.get();
    }

    private GatewayCapture charge(GatewayCaptureRequest request) {
        charges.incrementAndGet();
        return new GatewayCapture("cap-" + UUID.randomUUID(), request.amount(), request.currency());
    }
}
