package io.otelref.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * The records written to a topic after this tail was opened: open it before sending what it should see. It reads
 * committed records only, as the services' consumers do, and belongs to no consumer group.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    TopicTail(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist; create it before the test (KafkaTopics.createIfMissing)");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the lazy seek now, before the test sends anything.
        partitions.forEach(consumer::position);
    }

    /** Waits until {@code count} records with this key have arrived, and returns them. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(Duration.ofMillis(200));
            return withKey(key).size() >= count;
        });
        return withKey(key);
    }

    /** All records with this key that arrive within {@code quietPeriod}, on top of those already seen. */
    public List<ConsumerRecord<String, String>> recordsAfter(String key, Duration quietPeriod) {
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
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
