package io.otelref.operations.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, as SmallRye's dead-letter strategy and service-messaging's
 * {@code RecordProcessing} wrote it: the original key, payload and headers, plus where it came from and why.
 *
 * @param topic     the dead-letter topic
 * @param timestamp when it was dead-lettered
 */
public record DeadLetter(String topic, int partition, long offset, String key, String payload, List<Header> headers,
        Instant timestamp) {

    public static final String REASON = "dead-letter-reason";
    public static final String ERROR_TYPE = "dead-letter-error-type";
    public static final String ORIGIN_TOPIC = "dead-letter-topic";
    public static final String ORIGIN_PARTITION = "dead-letter-partition";
    public static final String ORIGIN_OFFSET = "dead-letter-offset";
    static final String TRACEPARENT = "traceparent";

    static DeadLetter of(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                List.of(record.headers().toArray()), Instant.ofEpochMilli(record.timestamp()));
    }

    /** How the commands name it: {@code <partition>@<offset>} in its dead-letter topic. */
    public String id() {
        return partition + "@" + offset;
    }

    /** The key of its entry in the replay ledger: unique across dead-letter topics. */
    String ledgerKey() {
        return topic + "/" + id();
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.key().equals(name)).findFirst()
                .map(header -> new String(header.value(), StandardCharsets.UTF_8));
    }

    public String reason() {
        return header(REASON).orElse("(no reason recorded)");
    }

    public String errorType() {
        return header(ERROR_TYPE).orElse("-");
    }

    public Optional<String> originTopic() {
        return header(ORIGIN_TOPIC);
    }

    /** {@code orders.placed[2]@1234}, or "-" when the record does not say. */
    public String origin() {
        return originTopic().map(origin -> origin + "[" + header(ORIGIN_PARTITION).orElse("?") + "]@"
                + header(ORIGIN_OFFSET).orElse("?")).orElse("-");
    }

    /**
     * The record's own W3C trace context: the first {@code traceparent}. Dead letters written before their
     * producer stopped tracing carry a second one, the dead-letter send's, which belongs to the consumer's
     * span rather than to the record.
     */
    public Optional<String> traceparent() {
        return header(TRACEPARENT);
    }

    public String traceId() {
        return traceparent().filter(value -> value.length() >= 35).map(value -> value.substring(3, 35)).orElse("-");
    }

    public Duration age(Instant now) {
        return Duration.between(timestamp, now);
    }
}
