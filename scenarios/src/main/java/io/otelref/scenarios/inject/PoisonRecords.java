package io.otelref.scenarios.inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.ServiceAttributes;
import io.otelref.scenarios.catalogue.DuringLoad;
import io.otelref.scenarios.stack.StackEndpoints;

/**
 * Plays a buggy upstream producer, {@value #PRODUCER_SERVICE}, that publishes malformed events onto
 * {@code orders.placed} beside checkout's healthy ones. It traces its sends like any instrumented producer, so
 * each poison record carries a {@code traceparent} and its fate (dead-lettered by invoice-worker, with a
 * reason) is one trace in Jaeger.
 */
public final class PoisonRecords implements DuringLoad {

    static final String PRODUCER_SERVICE = "legacy-order-importer";
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system.name");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");

    /** The ways a producer gets an event wrong, each dead-lettered for its own reason. */
    private static final List<String> MALFORMED = List.of(
            "{\"orderId\": ",
            "{\"eventId\":\"e-1\",\"accountId\":\"acc-0001\",\"total\":12.50,\"currency\":\"EUR\"}",
            "{\"eventId\":\"e-2\",\"orderId\":\"ORD-17\",\"accountId\":\"acc-0001\",\"total\":12.50,\"currency\":\"EUR\"}",
            "{\"eventId\":\"e-3\",\"orderId\":\"%s\",\"accountId\":\"acc-0001\",\"total\":12.50,\"currency\":\"EUR\","
                    + "\"placedAt\":\"2026-01-01T00:00:00Z\"}");

    private final String topic;

    public PoisonRecords() {
        this(System.getenv().getOrDefault("ORDERS_PLACED_TOPIC", "orders.placed"));
    }

    PoisonRecords(String topic) {
        this.topic = topic;
    }

    @Override
    public List<String> run(StackEndpoints stack, Duration duration) throws InterruptedException {
        List<String> traceIds = new ArrayList<>();
        long records = Math.max(1, duration.toMillis() / INTERVAL.toMillis());
        try (SdkTracerProvider tracing = tracing(stack); KafkaProducer<String, String> producer = producer(stack)) {
            Tracer tracer = tracing.get("io.otelref.scenarios");
            for (int n = 0; n < records; n++) {
                Thread.sleep(INTERVAL);
                traceIds.add(publish(producer, tracer, MALFORMED.get(n % MALFORMED.size()).formatted(UUID.randomUUID())));
            }
            producer.flush();
        }
        return traceIds;
    }

    private String publish(KafkaProducer<String, String> producer, Tracer tracer, String payload) throws InterruptedException {
        Span send = tracer.spanBuilder("send " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setAllAttributes(Attributes.of(MESSAGING_SYSTEM, "kafka", DESTINATION, topic, OPERATION_TYPE, "send"))
                .startSpan();
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(send), headers, Map::put);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(), payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            send.recordException(failed);
            throw new IllegalStateException("Kafka did not take a poison record: " + failed, failed);
        } finally {
            send.end();
        }
        return send.getSpanContext().getTraceId();
    }

    private static SdkTracerProvider tracing(StackEndpoints stack) {
        return SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(ServiceAttributes.SERVICE_NAME, PRODUCER_SERVICE))))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint(stack.otlp().resolve("/v1/traces").toString()).build()))
                .build();
    }

    private static KafkaProducer<String, String> producer(StackEndpoints stack) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
