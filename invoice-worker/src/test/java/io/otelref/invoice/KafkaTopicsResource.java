package io.otelref.invoice;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the test topics before the application starts, so its consumer is assigned a partition at
 * once instead of waiting for a metadata refresh. One partition each: a poison record and the good
 * record after it then share a partition, which is what "the partition is not blocked" is about.
 */
public class KafkaTopicsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClients.BOOTSTRAP_SERVERS);
        try (Admin admin = Admin.create(config)) {
            for (String topic : List.of(KafkaTestClients.ORDERS_PLACED, KafkaTestClients.INVOICES_CREATED,
                    KafkaTestClients.ORDERS_PLACED_DLQ)) {
                createIfMissing(admin, topic);
            }
        }
        return Map.of();
    }

    private static void createIfMissing(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, failed.getCause());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void stop() {
    }
}
