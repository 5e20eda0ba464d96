package io.otelref.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.semconv.ErrorAttributes;
import io.otelref.platform.telemetry.DurationBuckets;

/**
 * The messaging metrics of the semantic conventions, for what this system sends to and takes from Kafka.
 * SmallRye Reactive Messaging traces each record but measures nothing under these names, so its callers
 * report here: a publisher once the broker has answered ({@link #sent}), {@link RecordProcessing} once a
 * record is processed or dead-lettered ({@link #processed}).
 *
 * <ul>
 * <li>{@code messaging.client.sent.messages} and {@code messaging.client.operation.duration} (operation
 * {@code send}): records sent, and how long the broker took to acknowledge each, with {@code error.type} when
 * it did not;</li>
 * <li>{@code messaging.client.consumed.messages} and {@code messaging.process.duration} (operation
 * {@code process}): records handed to the application, and how long their processing took, waits for an
 * unavailable dependency included, with {@code error.type} when the record was dead-lettered.</li>
 * </ul>
 * And the system's own {@value #DEAD_LETTERS}: records sent to a dead-letter topic, by origin and reason.
 */
@Singleton
public class MessagingMetrics {

    static final String DEAD_LETTERS = "app.dead_letters";

    // The messaging keys are in the incubating registry only, whose artifact the services do not carry.
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system.name");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");

    /**
     * The advised boundaries and three more: a record waits out an unavailable dependency in place, and a
     * backlog's records wait for a processing slot, for far longer than the advice's 10 s.
     */
    private static final List<Double> PROCESS_BUCKETS = DurationBuckets.advisedAnd(30.0, 60.0, 300.0);

    private final LongCounter sentMessages;
    private final DoubleHistogram sendDuration;
    private final LongCounter consumedMessages;
    private final DoubleHistogram processDuration;
    private final LongCounter deadLetters;

    MessagingMetrics(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter("io.otelref.messaging");
        sentMessages = meter.counterBuilder("messaging.client.sent.messages").setUnit("{message}")
                .setDescription("Number of messages producer attempted to send to the broker.").build();
        sendDuration = meter.histogramBuilder("messaging.client.operation.duration").setUnit("s")
                .setDescription("Duration of messaging operation initiated by a producer or consumer client.")
                .setExplicitBucketBoundariesAdvice(DurationBuckets.ADVISED).build();
        consumedMessages = meter.counterBuilder("messaging.client.consumed.messages").setUnit("{message}")
                .setDescription("Number of messages that were delivered to the application.").build();
        processDuration = meter.histogramBuilder("messaging.process.duration").setUnit("s")
                .setDescription("Duration of processing operation.")
                .setExplicitBucketBoundariesAdvice(PROCESS_BUCKETS).build();
        deadLetters = meter.counterBuilder(DEAD_LETTERS).setUnit("{record}")
                .setDescription("Records sent to a dead-letter topic, by the topic they came from and why").build();
    }

    /** One record sent to {@code topic}, acknowledged or not ({@code failure}), {@code nanos} after it was handed over. */
    public void sent(String topic, long nanos, Optional<Throwable> failure) {
        AttributesBuilder attributes = common(topic, "send", "send");
        failure.ifPresent(cause -> attributes.put(ErrorAttributes.ERROR_TYPE, cause.getClass().getName()));
        Attributes sent = attributes.build();
        sentMessages.add(1, sent);
        sendDuration.record(nanos / 1e9, sent);
    }

    /** One record of {@code topic} delivered to the application. */
    void consumed(String topic, String partition) {
        consumedMessages.add(1, common(topic, "process", "process").put(PARTITION, partition).build());
    }

    /** One record's processing ended after {@code nanos}: done, or dead-lettered for {@code errorType}. */
    void processed(String topic, String partition, long nanos, Optional<String> errorType) {
        AttributesBuilder attributes = common(topic, "process", "process").put(PARTITION, partition);
        errorType.ifPresent(type -> attributes.put(ErrorAttributes.ERROR_TYPE, type));
        processDuration.record(nanos / 1e9, attributes.build());
    }

    /** One record of {@code topic} sent to its dead-letter topic for {@code errorType}. */
    void deadLettered(String topic, String errorType) {
        deadLetters.add(1, Attributes.of(DESTINATION, topic, ErrorAttributes.ERROR_TYPE, errorType));
    }

    private static AttributesBuilder common(String topic, String operationName, String operationType) {
        return Attributes.builder()
                .put(SYSTEM, "kafka")
                .put(DESTINATION, topic)
                .put(OPERATION_NAME, operationName)
                .put(OPERATION_TYPE, operationType);
    }
}
