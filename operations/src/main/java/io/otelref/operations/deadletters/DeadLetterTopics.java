package io.otelref.operations.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads dead-letter topics and puts their records back where they came from. A replay is recorded in
 * the compacted topic {@link #LEDGER}, keyed by the dead letter, in the same Kafka transaction as the
 * republished record: either both are written or neither, so a record is replayed once, however often
 * the command runs or however it is interrupted.
 */
public final class DeadLetterTopics implements AutoCloseable {

    /** Dead-letter topics are named after their origin with this suffix (orders.placed.dlq). */
    public static final String SUFFIX = ".dlq";
    /** Which dead letters were replayed, and when. */
    public static final String LEDGER = "dead-letters.replayed";
    /** On a republished record: the dead letter it came from, for whoever reads the origin topic. */
    public static final String REPLAYED_FROM = "dead-letter-replayed-from";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final Admin admin;

    public DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    /** The dead-letter topics the broker has, by name. */
    public List<String> topics() {
        return await(admin.listTopics().names().toCompletionStage().toCompletableFuture()).stream()
                .filter(name -> name.endsWith(SUFFIX)).sorted().toList();
    }

    /** Every record of {@code topic}, oldest first per partition. */
    public List<DeadLetter> read(String topic) {
        return readAll(topic).stream().map(DeadLetter::of).toList();
    }

    /** Ledger key of each replayed dead letter of {@code topic}, with when it was replayed. */
    public Map<String, Instant> replayed(String topic) {
        Map<String, Instant> replayed = new HashMap<>();
        if (!await(admin.listTopics().names().toCompletionStage().toCompletableFuture()).contains(LEDGER)) {
            return replayed;
        }
        for (ConsumerRecord<String, String> entry : readAll(LEDGER)) {
            if (entry.key() != null && entry.key().startsWith(topic + "/")) {
                replayed.put(entry.key(), Instant.ofEpochMilli(entry.timestamp()));
            }
        }
        return replayed;
    }

    /**
     * Republishes each dead letter to its origin topic, unless the ledger says it already was: the same
     * key, payload and headers, minus the dead-letter ones, with exactly one {@code traceparent} (the
     * record's own), so that its processing continues the record's original trace.
     *
     * @return the dead letters republished now
     */
    public List<DeadLetter> replay(String topic, Collection<DeadLetter> deadLetters) {
        ensureLedger();
        Set<String> done = replayed(topic).keySet();
        List<DeadLetter> todo = deadLetters.stream().filter(deadLetter -> !done.contains(deadLetter.ledgerKey())).toList();
        if (todo.isEmpty()) {
            return todo;
        }
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            for (DeadLetter deadLetter : todo) {
                String origin = deadLetter.originTopic().orElseThrow(() -> new IllegalArgumentException(
                        "dead letter " + deadLetter.id() + " of " + topic + " does not say where it came from"));
                producer.send(new ProducerRecord<>(origin, null, deadLetter.key(), deadLetter.payload(), republished(deadLetter)));
                producer.send(new ProducerRecord<>(LEDGER, deadLetter.ledgerKey(),
                        "{\"origin\":\"" + origin + "\",\"replayedAt\":\"" + Instant.now() + "\"}"));
            }
            producer.commitTransaction();
        }
        return todo;
    }

    private static RecordHeaders republished(DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().equals(DeadLetter.TRACEPARENT)) {
                headers.add(header);
            }
        }
        deadLetter.traceparent().ifPresent(traceparent ->
                headers.add(DeadLetter.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        headers.add(REPLAYED_FROM, deadLetter.ledgerKey().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** Compacted: only the latest entry per dead letter is needed, forever. */
    private void ensureLedger() {
        NewTopic ledger = new NewTopic(LEDGER, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(ledger)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + LEDGER + ": " + failed.getCause().getMessage(), failed);
            }
        } catch (TimeoutException | InterruptedException failed) {
            throw new IllegalStateException("cannot create " + LEDGER + ": the broker did not answer", failed);
        }
    }

    private KafkaProducer<String, String> transactionalProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "otelref-dead-letter-replay");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new KafkaProducer<>(config);
    }

    /** Reads a topic from its start to the end offsets it had when the read began; commits nothing. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "otelref-dead-letter-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Aborted replays are not replays: only what a transaction committed counts.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " on " + bootstrapServers);
            }
            List<TopicPartition> assigned = partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (assigned.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("Kafka did not answer: " + failed.getMessage(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
