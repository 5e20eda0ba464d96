package io.otelref.invoice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import io.otelref.platform.events.Topics;
import io.otelref.testing.TraceParent;

/** Plain Kafka clients for the tests: the worker is driven and observed only through its topics. */
final class KafkaTestClients {

    static final String BOOTSTRAP_SERVERS = "127.0.0.1:19092";
    static final String ORDERS_PLACED = "test." + Topics.ORDERS_PLACED;
    static final String INVOICES_CREATED = "test." + Topics.INVOICES_CREATED;
    static final String ORDERS_PLACED_DLQ = "test." + Topics.ORDERS_PLACED_DEAD_LETTER;

    private KafkaTestClients() {
    }

    /**
     * Sends one record to partition 0 of {@code orders.placed} with a W3C {@code traceparent} header and
     * returns once the broker has it.
     */
    static void sendOrderPlaced(String key, String payload, TraceParent traceParent) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(ORDERS_PLACED, 0, key, payload);
            record.headers().add("traceparent", traceParent.headerValue().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("cannot send to " + ORDERS_PLACED, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The records written to a topic after this tail was opened; open it before sending what it should see. */
    static final class TopicTail implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        TopicTail(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist; KafkaTopicsResource creates it");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // position() resolves the lazy seek now, before the test sends anything.
            partitions.forEach(consumer::position);
        }

        /** Waits until {@code count} records with this key have arrived, and returns them. */
        List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(Duration.ofMillis(200));
                return withKey(key).size() >= count;
            });
            return withKey(key);
        }

        /** All records with this key that arrive within {@code quietPeriod}, on top of those already seen. */
        List<ConsumerRecord<String, String>> recordsAfter(String key, Duration quietPeriod) {
            long until = System.nanoTime() + quietPeriod.toNanos();
            while (System.nanoTime() < until) {
                poll(Duration.ofMillis(200));
            }
            return withKey(key);
        }

        private void poll(Duration timeout) {
            consumer.poll(timeout).forEach(seen::add);
        }

        private List<ConsumerRecord<String, String>> withKey(String key) {
            Predicate<ConsumerRecord<String, String>> keyed = record -> key.equals(record.key());
            return seen.stream().filter(keyed).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
