package io.otelref.checkout.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.otelref.checkout.config.CheckoutConfig;
import io.otelref.checkout.domain.IdempotencyRecord;
import io.otelref.checkout.repository.IdempotencyRepository;
import io.otelref.checkout.rest.CheckoutRequest;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/**
 * Idempotency-Key handling: the first request with a key executes, a repeat with the same body gets
 * the first response back, a repeat with another body is refused. Responses that a retry cannot
 * change (201, and 4xx outcomes such as a decline) are stored; after a 5xx the key is released so
 * the client's retry executes again, with the same order id.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyRepository records;
    private final RequestFingerprint fingerprint;
    private final CheckoutConfig config;

    IdempotencyService(IdempotencyRepository records, RequestFingerprint fingerprint, CheckoutConfig config) {
        this.records = records;
        this.fingerprint = fingerprint;
        this.config = config;
    }

    public IdempotencyClaim claim(Optional<String> key, CheckoutRequest request) {
        return key.map(present -> claimKey(present, request)).orElseGet(IdempotencyClaim::unkeyed);
    }

    @Transactional(TxType.REQUIRES_NEW)
    IdempotencyClaim claimKey(String key, CheckoutRequest request) {
        String requestFingerprint = fingerprint.of(request);
        Instant now = Instant.now();
        UUID orderId = UUID.randomUUID();
        if (records.insertIfAbsent(key, requestFingerprint, orderId, now)) {
            return IdempotencyClaim.fresh(key, orderId);
        }
        IdempotencyRecord existing = records.lockExisting(key);
        if (!existing.requestFingerprint.equals(requestFingerprint)) {
            throw ProblemException.forField(422, "idempotency-key-reused",
                    "The Idempotency-Key was used for another request", HEADER,
                    "was already used with a different request body; use a new key for a new order");
        }
        switch (existing.state) {
            case COMPLETED -> {
                return IdempotencyClaim.replayOf(key, new CheckoutResult(existing.responseStatus, existing.responseType,
                        existing.responseBody, existing.orderId, true));
            }
            case IN_PROGRESS -> {
                if (existing.claimedAt.isAfter(now.minus(config.idempotency().inProgressTimeout()))) {
                    throw new ProblemException(409, "idempotency-request-in-progress",
                            "A request with this Idempotency-Key is still being processed",
                            "retry after the first request has finished",
                            List.of(new Problem.FieldError(HEADER, "is in use by a request in progress")),
                            Map.of("Retry-After", "1"), null);
                }
            }
            case RELEASED -> { }
        }
        existing.state = IdempotencyRecord.State.IN_PROGRESS;
        existing.claimedAt = now;
        return IdempotencyClaim.fresh(key, existing.orderId);
    }

    /** Stores the response; joins the caller's transaction so that a 201 is stored with its order. */
    @Transactional
    public void complete(IdempotencyClaim claim, int status, String mediaType, String body) {
        if (!claim.isKeyed()) {
            return;
        }
        IdempotencyRecord record = records.findById(claim.key());
        record.state = IdempotencyRecord.State.COMPLETED;
        record.responseStatus = status;
        record.responseType = mediaType;
        record.responseBody = body;
        record.completedAt = Instant.now();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void release(IdempotencyClaim claim) {
        if (!claim.isKeyed()) {
            return;
        }
        IdempotencyRecord record = records.findById(claim.key());
        record.state = IdempotencyRecord.State.RELEASED;
        record.claimedAt = null;
    }
}
