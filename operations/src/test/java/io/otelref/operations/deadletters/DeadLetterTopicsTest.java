package io.otelref.operations.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.otelref.operations.OperationsCli;
import io.otelref.operations.Addresses;
import picocli.CommandLine;

/** Against the real broker of infra/local-servers.sh, on topics of its own. */
class DeadLetterTopicsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String DLQ_PRODUCER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-a1b2c3d4e5f60718-01";

    private final String origin = "test-operations-" + UUID.randomUUID();
    private final String deadLetterTopic = origin + DeadLetterTopics.SUFFIX;
    private Admin admin;

    @BeforeEach
    void createTopics() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Addresses.kafkaBootstrapServers());
        admin = Admin.create(config);
        admin.createTopics(List.of(new NewTopic(origin, 1, (short) 1), new NewTopic(deadLetterTopic, 1, (short) 1))).all().get();
        // As SmallRye writes them; the second carries the two traceparents of a dead letter from before the
        // dead-letter producer stopped tracing.
        sendDeadLetter("order-1", "{\"orderId\": ", "malformed-event", List.of(TRACEPARENT));
        sendDeadLetter("order-2", "{\"orderId\":\"x\"}", "unknown-order", List.of(TRACEPARENT, DLQ_PRODUCER_TRACEPARENT));
    }

    @AfterEach
    void deleteTopics() throws Exception {
        admin.deleteTopics(List.of(origin, deadLetterTopic)).all().get();
        admin.close();
    }

    @Test
    void listsEachDeadLetterWithWhereItCameFromWhyAndItsTrace() {
        String listed = run("dlq", "list", deadLetterTopic);

        assertTrue(listed.contains(deadLetterTopic + ": 2 dead letters, 0 replayed"), listed);
        assertTrue(listed.contains("0@0"), listed);
        assertTrue(listed.contains(origin + "[1]@41"), listed);
        assertTrue(listed.contains("malformed-event"), listed);
        assertTrue(listed.contains("unknown-order"), listed);
        assertTrue(listed.contains("4bf92f3577b34da6a3ce929d0e0e4736"), listed);
    }

    @Test
    void aReplayRepublishesOnceWithTheRecordsOwnTraceAndTheLedgerRemembersIt() {
        String first = run("dlq", "replay", deadLetterTopic, "--id", "0@1");
        String second = run("dlq", "replay", deadLetterTopic);
        String third = run("dlq", "replay", deadLetterTopic);

        assertTrue(first.contains("1 replayed now, 0 already replayed before"), first);
        assertTrue(second.contains("1 replayed now, 1 already replayed before"), second);
        assertTrue(third.contains("0 replayed now, 2 already replayed before"), third);
        List<ConsumerRecord<String, String>> republished = readAll(origin);
        assertEquals(List.of("order-2", "order-1"), republished.stream().map(ConsumerRecord::key).toList());
        for (ConsumerRecord<String, String> record : republished) {
            List<String> traceparents = StreamSupport.stream(record.headers().headers("traceparent").spliterator(), false)
                    .map(header -> new String(header.value(), StandardCharsets.UTF_8)).toList();
            assertEquals(List.of(TRACEPARENT), traceparents, "one traceparent, the record's own");
            assertEquals(0, StreamSupport.stream(record.headers().spliterator(), false)
                    .filter(header -> header.key().startsWith("dead-letter-") && !header.key().equals(DeadLetterTopics.REPLAYED_FROM))
                    .count(), "the dead-letter headers stay behind");
        }
        assertEquals("{\"orderId\":\"x\"}", republished.getFirst().value());
        assertTrue(run("dlq", "list", deadLetterTopic).contains(deadLetterTopic + ": 2 dead letters, 2 replayed"));
    }

    @Test
    void anUnknownIdIsAUsageErrorAndReplaysNothing() {
        StringWriter err = new StringWriter();
        CommandLine cli = OperationsCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        assertEquals(2, cli.execute("dlq", "replay", deadLetterTopic, "--id", "0@7"));
        assertTrue(err.toString().contains("no dead letter 0@7"), err.toString());
        assertEquals(0, readAll(origin).size());
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = OperationsCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args), out::toString);
        return out.toString();
    }

    private void sendDeadLetter(String key, String payload, String errorType, List<String> traceparents) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Addresses.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(deadLetterTopic, key, payload);
            Map.of(DeadLetter.REASON, errorType + ": it cannot be processed", DeadLetter.ERROR_TYPE, errorType,
                    DeadLetter.ORIGIN_TOPIC, origin, DeadLetter.ORIGIN_PARTITION, "1", DeadLetter.ORIGIN_OFFSET, "41")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            traceparents.forEach(value -> record.headers().add("traceparent", value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Addresses.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
