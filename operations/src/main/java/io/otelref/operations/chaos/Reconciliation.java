package io.otelref.operations.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.otelref.operations.Addresses;
import io.otelref.operations.deadletters.DeadLetter;
import io.otelref.operations.deadletters.DeadLetterTopics;

/**
 * What the databases and Kafka say became of the orders a run placed: the books, read directly, as an
 * auditor would, never through the services' APIs.
 */
final class Reconciliation {

    /**
     * An authorization younger than this may belong to a checkout still in flight: longer than a checkout
     * request can take (the load generator gives up after 10 s; checkout's own retries end sooner).
     */
    static final Duration IN_FLIGHT = Duration.ofSeconds(20);

    /**
     * @param placed             orders that got a 201
     * @param invoiced           of those, orders checkout shows INVOICED
     * @param invoicedOnce       of those, orders billing invoiced exactly once
     * @param duplicated         orders billing invoiced more than once
     * @param chargedOnce        invoices the gateway's books charge exactly once
     * @param chargesWithoutInvoice gateway charges for placed orders that no invoice names
     * @param openWithoutOrder   open authorizations made since the run began whose order checkout never stored
     * @param deadLettered       dead letters, since the run began, about orders that were placed
     * @param orderToInvoice     order stored → invoiced, of the invoiced orders
     */
    record Books(int placed, int invoiced, int invoicedOnce, int duplicated, int chargedOnce, int chargesWithoutInvoice,
            int openWithoutOrder, int deadLettered, List<Duration> orderToInvoice) {

        int lost() {
            return placed - invoiced;
        }

        boolean settled() {
            return invoiced == placed && invoicedOnce == placed && chargedOnce == placed && openWithoutOrder == 0;
        }

        boolean clean() {
            return settled() && duplicated == 0 && chargesWithoutInvoice == 0 && deadLettered == 0;
        }
    }

    private final Instant runStart;

    Reconciliation(Instant runStart) {
        this.runStart = runStart;
    }

    Books read(Collection<UUID> placedOrders) throws SQLException {
        UUID[] placed = placedOrders.toArray(UUID[]::new);
        Map<UUID, Duration> invoiced = new HashMap<>();
        Set<UUID> storedOrders = new HashSet<>();
        try (Connection checkout = connect(Addresses.checkoutDatabase())) {
            try (PreparedStatement query = checkout.prepareStatement(
                    "select id, status, created_at, invoiced_at from customer_order where id = any(?)")) {
                query.setArray(1, checkout.createArrayOf("uuid", placed));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if ("INVOICED".equals(rows.getString("status"))) {
                            invoiced.put(rows.getObject("id", UUID.class), Duration.between(
                                    rows.getTimestamp("created_at").toInstant(), rows.getTimestamp("invoiced_at").toInstant()));
                        }
                    }
                }
            }
            List<UUID> open = openAuthorizations();
            try (PreparedStatement query = checkout.prepareStatement("select id from customer_order where id = any(?)")) {
                query.setArray(1, checkout.createArrayOf("uuid", open.toArray(UUID[]::new)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        storedOrders.add(rows.getObject("id", UUID.class));
                    }
                }
            }
            int openWithoutOrder = (int) open.stream().filter(order -> !storedOrders.contains(order)).count();
            return billingBooks(placed, invoiced, openWithoutOrder);
        }
    }

    private Books billingBooks(UUID[] placed, Map<UUID, Duration> invoiced, int openWithoutOrder) throws SQLException {
        int invoicedOnce = 0;
        int duplicated = 0;
        int chargedOnce = 0;
        int chargesWithoutInvoice;
        try (Connection billing = connect(Addresses.billingDatabase())) {
            Array orders = billing.createArrayOf("uuid", placed);
            try (PreparedStatement query = billing.prepareStatement("""
                    select i.order_id, count(*) as invoices, count(c.idempotency_key) as charged
                      from invoice i left join simulated_gateway_capture c on c.capture_reference = i.gateway_reference
                     where i.order_id = any(?) group by i.order_id""")) {
                query.setArray(1, orders);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long invoices = rows.getLong("invoices");
                        invoicedOnce += invoices == 1 ? 1 : 0;
                        duplicated += invoices > 1 ? 1 : 0;
                        chargedOnce += invoices == 1 && rows.getLong("charged") == 1 ? 1 : 0;
                    }
                }
            }
            try (PreparedStatement query = billing.prepareStatement("""
                    select count(*) from simulated_gateway_capture c
                     where c.idempotency_key = any(?)
                       and not exists (select 1 from invoice i where i.gateway_reference = c.capture_reference)""")) {
                query.setArray(1, billing.createArrayOf("text", Arrays.stream(placed).map(UUID::toString).toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    chargesWithoutInvoice = rows.getInt(1);
                }
            }
        }
        return new Books(placed.length, invoiced.size(), invoicedOnce, duplicated, chargedOnce, chargesWithoutInvoice,
                openWithoutOrder, deadLetters(Set.of(placed)), List.copyOf(invoiced.values()));
    }

    /** Money held since the run began (or by its checkouts), older than a checkout can take. */
    private List<UUID> openAuthorizations() throws SQLException {
        List<UUID> open = new ArrayList<>();
        try (Connection billing = connect(Addresses.billingDatabase());
                PreparedStatement query = billing.prepareStatement("""
                        select order_id from payment_authorization
                         where status in ('PENDING', 'AUTHORIZED') and created_at >= ? and created_at < ?""")) {
            query.setTimestamp(1, Timestamp.from(runStart));
            query.setTimestamp(2, Timestamp.from(Instant.now().minus(IN_FLIGHT)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    open.add(rows.getObject("order_id", UUID.class));
                }
            }
        }
        return open;
    }

    private int deadLetters(Set<UUID> placed) {
        Set<String> orders = new HashSet<>();
        placed.forEach(order -> orders.add(order.toString()));
        int count = 0;
        try (DeadLetterTopics topics = new DeadLetterTopics(Addresses.kafkaBootstrapServers())) {
            for (String topic : List.of("orders.placed.dlq", "invoices.created.dlq")) {
                for (DeadLetter deadLetter : topics.read(topic)) {
                    if (!deadLetter.timestamp().isBefore(runStart) && orders.contains(deadLetter.key())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static Connection connect(Addresses.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
