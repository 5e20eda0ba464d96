package io.otelref.invoice.messaging;

import static io.otelref.platform.resilience.UnprocessableRecordException.INVALID;
import static io.otelref.platform.resilience.UnprocessableRecordException.MALFORMED;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.platform.events.OrderPlaced;
import io.otelref.platform.resilience.UnprocessableRecordException;

/**
 * Turns the payload of an {@code orders.placed} record into an {@link OrderPlaced}, or says precisely
 * why it cannot. Reading the String ourselves, rather than through a Kafka deserializer, is what lets a
 * malformed record be dead-lettered with a reason instead of failing inside the consumer.
 */
@ApplicationScoped
public class OrderPlacedReader {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final ObjectMapper json;

    OrderPlacedReader(ObjectMapper json) {
        this.json = json;
    }

    /** @throws UnprocessableRecordException when the payload is not a complete, valid OrderPlaced */
    public OrderPlaced read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new UnprocessableRecordException(MALFORMED, "the record has no payload");
        }
        OrderPlaced event;
        try {
            event = json.readValue(payload, OrderPlaced.class);
        } catch (JsonProcessingException unreadable) {
            throw new UnprocessableRecordException(MALFORMED,
                    "the payload is not an OrderPlaced JSON document: " + unreadable.getOriginalMessage(), unreadable);
        }
        if (event == null) {
            throw new UnprocessableRecordException(MALFORMED, "the payload is JSON null");
        }
        List<String> violations = violationsOf(event);
        if (!violations.isEmpty()) {
            throw new UnprocessableRecordException(INVALID, "OrderPlaced " + String.join(", ", violations));
        }
        return event;
    }

    private static List<String> violationsOf(OrderPlaced event) {
        List<String> violations = new ArrayList<>();
        if (isBlank(event.eventId())) {
            violations.add("eventId is missing");
        }
        if (isBlank(event.orderId())) {
            violations.add("orderId is missing");
        } else if (!isUuid(event.orderId())) {
            violations.add("orderId is not a UUID");
        }
        if (isBlank(event.accountId())) {
            violations.add("accountId is missing");
        }
        if (event.total() == null) {
            violations.add("total is missing");
        } else if (event.total().signum() < 0) {
            violations.add("total is negative");
        }
        if (event.currency() == null || !CURRENCY_CODE.matcher(event.currency()).matches()) {
            violations.add("currency is not an ISO 4217 code");
        }
        if (event.placedAt() == null) {
            violations.add("placedAt is missing");
        }
        return violations;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
