package io.otelref.invoice;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the test topics before the application starts, so its consumer is assigned a partition at
 * once instead of waiting for a metadata refresh. One partition each: a poison record and the good
 * record after it then share a partition, which is what "the partition is not blocked" is about.
 */
public class KafkaTopicsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaTestClients.KAFKA.createIfMissing(List.of(KafkaTestClients.ORDERS_PLACED, KafkaTestClients.INVOICES_CREATED,
                KafkaTestClients.ORDERS_PLACED_DLQ), 1);
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
