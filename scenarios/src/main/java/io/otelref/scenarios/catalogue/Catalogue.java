package io.otelref.scenarios.catalogue;

import static io.otelref.scenarios.stack.Service.BILLING;
import static io.otelref.scenarios.stack.Service.CHECKOUT;
import static io.otelref.scenarios.stack.Service.WORKER;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.scenarios.inject.PoisonRecords;
import io.otelref.scenarios.signal.Signal;
import io.otelref.scenarios.signal.Signals;
import io.otelref.scenarios.signal.Spans;
import io.otelref.scenarios.stack.AdminChange;
import io.otelref.scenarios.stack.Service;

/**
 * Every scenario, in the order a trainee meets them. Each page under docs/scenarios/ explains the mechanism,
 * the answer and the fix; the e2e suite (ScenarioSignaturesEndToEndTest) checks each signature.
 */
public final class Catalogue {

    public static final Signal USER_P95 = Signals.userP95();
    public static final Signal ERROR_RATE = Signals.errorRate();
    public static final Signal BILLING_AUTHORIZATIONS = Signals.perCheckout("billing authorization requests",
            Spans.billingAuthorization());
    public static final Signal GATEWAY_AUTHORIZATIONS = Signals.perCheckout("payment-gateway authorization calls",
            Spans.gatewayCall("/authorizations"));
    public static final Signal GATEWAY_P95 = Signals.spanDuration("payment-gateway call p95", Spans.gatewayCall("/authorizations"), 95);
    public static final Signal PRICING_P95 = Signals.spanDuration("pricing call p95", Spans.pricingCall(), 95);
    public static final Signal ACCOUNT_LOCK_P95 = Signals.spanDuration("SELECT … FOR UPDATE p95", Spans.accountLock(), 95);
    public static final Signal ORDER_TO_INVOICE_P95 = Signals.orderToInvoice(95);
    public static final Signal ORDERS_INVOICED = Signals.ordersInvoiced();
    public static final Signal POISON_DEAD_LETTERED = Signals.injectedDeadLettered();
    public static final Signal INVOICED_TWICE = Signals.ordersInvoicedTwice();
    public static final Signal FAILED_PRICING_CALLS = Signals.perCheckout("failed pricing calls",
            Spans.pricingCall().and(span -> span.isError()));
    public static final Signal PRICED_FROM_FALLBACK = Signals.pricedFromFallback();
    public static final Signal TIME_BETWEEN_SPANS = Signals.timeBetweenSpans();
    public static final Signal CONNECTION_WAIT_P95 = Signals.spanDuration("waiting for a database connection p95",
            Spans.connectionAcquisition(), 95);
    public static final Signal FAILURES_IN_METRICS = Signals.failuresInMetrics();
    public static final Signal FAILURES_WITH_TRACE = Signals.failuresWithTrace();
    public static final Signal SPANS_STORED = Signals.spansStored();

    private static final String CHECKOUT_P95 = "histogram_quantile(0.95, sum by (le) (rate("
            + "http_server_request_duration_seconds_bucket{job=\"checkout-service\",http_route=\"/api/checkout\"}[$window])))";

    private static final List<Scenario> ALL = List.of(
            baseline(), slowDownstream(), retryStorm(), hotAccount(), queueBacklog(), poisonMessage(),
            duplicateDelivery(), fanOutPartialFailure(), poolStarvation(), samplingBlindSpot());

    private Catalogue() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }

    static Scenario baseline() {
        return new Scenario("baseline", "healthy traffic: the reference for every comparison",
                "What do a normal checkout's trace and latency look like? Every other scenario is read against this.",
                Treatment.of("nothing switched: the services as configured"), Optional.empty(),
                8, orders(1, 4),
                List.of(USER_P95, ERROR_RATE, BILLING_AUTHORIZATIONS, GATEWAY_P95, ORDER_TO_INVOICE_P95, TIME_BETWEEN_SPANS),
                List.of(new PromQuery("checkout p95 (s)", CHECKOUT_P95)),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario slowDownstream() {
        return new Scenario("slow-downstream", "the payment gateway slows down for a share of its calls",
                "Checkout p95 went up. Which dependency moved it: billing's pricing, or the payment gateway behind billing?",
                Treatment.of("30 % of payment-gateway calls take 900 ms (still inside billing's 1 s timeout)",
                        change(BILLING, "gateway", Map.of("slowShare", 0.3, "slowLatencyMs", 900))),
                Optional.empty(),
                8, orders(1, 4),
                List.of(USER_P95, GATEWAY_P95, PRICING_P95, ERROR_RATE),
                List.of(new PromQuery("checkout p95 (s)", CHECKOUT_P95),
                        new PromQuery("p95 of billing's outgoing calls by path template (s)", "histogram_quantile(0.95, sum by "
                                + "(le, url_template) (rate(http_client_request_duration_seconds_bucket{job=\"billing-service\"}[$window])))")),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario retryStorm() {
        return new Scenario("retry-storm", "the payment gateway fails most calls; retries in two layers multiply the load",
                "Billing is drowning in requests while checkout traffic is flat. Where do the extra requests come from?",
                Treatment.of("payment gateway answers 90 % of calls with 503; checkout retries the authorization 3 times, "
                        + "billing retries each gateway call 3 times",
                        change(BILLING, "gateway", Map.of("errorRate", 0.9))),
                Optional.of(Treatment.of("retries at one layer: checkout sends the authorization once (behind its circuit "
                        + "breaker), billing retries the gateway only within a retry budget",
                        change(CHECKOUT, "fixes", Map.of("singleRetryLayer", true)),
                        change(BILLING, "fixes", Map.of("retryBudget", true)))),
                8, orders(1, 2),
                List.of(BILLING_AUTHORIZATIONS, GATEWAY_AUTHORIZATIONS, ERROR_RATE, USER_P95),
                List.of(new PromQuery("retries per second by dependency", "sum by (job, dependency) (rate(app_dependency_retries_total[$window]))"),
                        new PromQuery("billing authorization requests per second", "sum(rate(http_server_request_duration_seconds_count{"
                                + "job=\"billing-service\",http_route=\"/api/payments/authorizations\"}[$window]))")),
                Exhibit.FAILED, Optional.empty());
    }

    static Scenario hotAccount() {
        return new Scenario("hot-account", "90 % of orders hit one account; its row lock is held across the gateway call",
                "Checkout p95 rose only for some customers. Where do those requests wait, and for what?",
                Treatment.of("90 % of the orders on acc-0001; billing holds the account's row lock (SELECT … FOR UPDATE) "
                        + "while it calls the payment gateway, which answers in 80–120 ms",
                        // At the default 40–100 ms the lock is busy about half the time and the queue on it
                        // comes and goes between runs; a slightly slower gateway makes it build every time.
                        change(BILLING, "gateway", Map.of("baseLatencyMs", 80, "jitterMs", 40)))
                        .withLoad(options -> options.withHotAccounts(1, 0.9)),
                Optional.of(Treatment.of("billing reserves the amount, commits (releasing the lock), then calls the gateway",
                        change(BILLING, "fixes", Map.of("releaseLockBeforeGateway", true)))),
                8, orders(1, 2),
                List.of(ACCOUNT_LOCK_P95, USER_P95, ERROR_RATE),
                List.of(new PromQuery("p95 wait for the account lock (s)", "histogram_quantile(0.95, sum by (le) (rate("
                        + "app_account_lock_wait_duration_seconds_bucket[$window])))"),
                        new PromQuery("checkout p95 (s)", CHECKOUT_P95)),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario queueBacklog() {
        return new Scenario("queue-backlog", "the invoice worker slows to one record at a time",
                "Checkouts are fast and succeed, yet customers wait for invoices. Where are the orders?",
                Treatment.of("invoice-worker takes 400 ms per record and handles one at a time (2.5 records/s)",
                        change(WORKER, "behaviour", Map.of("processingDelayMs", 400, "concurrency", 1))),
                Optional.of(Treatment.of("invoice-worker handles 8 records at once",
                        change(WORKER, "behaviour", Map.of("concurrency", 8)))),
                8, orders(1, 3),
                List.of(ORDER_TO_INVOICE_P95, USER_P95, ORDERS_INVOICED),
                List.of(new PromQuery("order-to-invoice p95 (s)", "histogram_quantile(0.95, sum by (le) (rate("
                        + "app_order_invoicing_duration_seconds_bucket[$window])))"),
                        new PromQuery("invoice-worker consumer lag (records)", "max(kafka_consumer_fetch_manager_records_lag_max{job=\"invoice-worker\",topic=\"orders.placed\"})"),
                        new PromQuery("checkout p95 (s)", CHECKOUT_P95)),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario poisonMessage() {
        return new Scenario("poison-message", "a buggy producer publishes malformed orders.placed events",
                "Some events never become invoices. Where did they go, why, and did the healthy orders keep flowing?",
                Treatment.of("legacy-order-importer publishes a malformed event every 2 s beside the normal traffic"),
                Optional.empty(),
                8, orders(1, 3),
                List.of(POISON_DEAD_LETTERED, ORDERS_INVOICED, ORDER_TO_INVOICE_P95),
                List.of(new PromQuery("records the worker dead-lettered per second", "sum(rate(messaging_process_duration_seconds_count{"
                        + "job=\"invoice-worker\",messaging_destination_name=\"orders.placed\",error_type!=\"\"}[$window]))")),
                Exhibit.INJECTED, Optional.of(new PoisonRecords()));
    }

    static Scenario duplicateDelivery() {
        return new Scenario("duplicate-delivery", "slow captures make the worker time out and retry; each attempt mints a new key",
                "Finance reports orders invoiced twice. Which requests did it, and why did billing accept them?",
                Treatment.of("30 % of gateway captures take 3.5 s, longer than the worker's 3 s timeout; the worker "
                        + "sends a fresh Idempotency-Key with every attempt",
                        change(BILLING, "gateway", Map.of("captureSlowShare", 0.3, "captureSlowLatencyMs", 3500)),
                        change(WORKER, "fixes", Map.of("idempotencyKeyPerOrder", false))),
                Optional.of(Treatment.of("the worker's Idempotency-Key is the order id, whatever the attempt",
                        change(WORKER, "fixes", Map.of("idempotencyKeyPerOrder", true)))),
                8, orders(1, 3),
                List.of(INVOICED_TWICE, ORDER_TO_INVOICE_P95, USER_P95),
                List.of(new PromQuery("retries of the worker's billing calls per second", "sum(rate(app_dependency_retries_total{"
                        + "job=\"invoice-worker\"}[$window]))")),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario fanOutPartialFailure() {
        return new Scenario("fan-out-partial-failure", "pricing fails for a few SKUs; one branch of the parallel fan-out fails",
                "Some checkouts fail with 503 while most succeed. Which pricing branch failed, and what did the user get?",
                Treatment.of("billing answers 503 for SKU-0007, SKU-0019 and SKU-0033 (a broken pricing shard)",
                        change(BILLING, "pricing", Map.of("unavailableSkus", List.of("SKU-0007", "SKU-0019", "SKU-0033")))),
                Optional.of(Treatment.of("checkout prices a failed SKU at the last price billing quoted for it",
                        change(CHECKOUT, "fixes", Map.of("pricingFallback", true)))),
                8, orders(3, 6),
                List.of(ERROR_RATE, FAILED_PRICING_CALLS, PRICED_FROM_FALLBACK, USER_P95),
                List.of(new PromQuery("billing pricing answers by status, per second", "sum by (http_response_status_code) (rate("
                        + "http_server_request_duration_seconds_count{job=\"billing-service\",http_route=\"/api/prices/{sku}\"}[$window]))")),
                Exhibit.FAILED, Optional.empty());
    }

    static Scenario poolStarvation() {
        return new Scenario("pool-starvation", "checkout's database pool shrinks to one connection",
                "Checkout got slow, yet billing, Kafka and every SQL statement are as fast as before. Where is the time?",
                Treatment.of("checkout's connection pool holds 1 connection",
                        change(CHECKOUT, "pool", Map.of("maxSize", 1))),
                Optional.of(Treatment.of("checkout's pool back to 20 connections",
                        change(CHECKOUT, "pool", Map.of("maxSize", 20)))),
                16, orders(1, 3),
                List.of(CONNECTION_WAIT_P95, TIME_BETWEEN_SPANS, USER_P95, ERROR_RATE),
                List.of(new PromQuery("threads waiting for a checkout connection", "max(agroal_awaiting_count{job=\"checkout-service\"})"),
                        new PromQuery("checkout p95 (s)", CHECKOUT_P95)),
                Exhibit.SLOWEST, Optional.empty());
    }

    static Scenario samplingBlindSpot() {
        return new Scenario("sampling-blind-spot", "5 % head sampling; a rare failure hides from trace search",
                "Prometheus shows failed checkouts. Find their traces.",
                Treatment.of("the user's side samples 5 % of traces; billing answers 503 for SKU-0042 and SKU-0043",
                        change(BILLING, "pricing", Map.of("unavailableSkus", List.of("SKU-0042", "SKU-0043"))))
                        .withLoad(options -> options.withSampleRatio(0.05)),
                Optional.of(Treatment.of("every request traced at the source, the collector keeping every failed or slow "
                        + "trace and a tenth of the rest (tail sampling)").withLoad(options -> options.withSampleRatio(1)).withTailSampling()),
                10, orders(1, 3),
                List.of(FAILURES_IN_METRICS, FAILURES_WITH_TRACE, SPANS_STORED, ERROR_RATE),
                List.of(new PromQuery("failed checkouts in the window", "sum(increase(http_server_request_duration_seconds_count{"
                        + "job=\"checkout-service\",http_route=\"/api/checkout\",http_response_status_code=~\"5..\"}[$window]))")),
                Exhibit.FAILED, Optional.empty());
    }

    /** A scenario's orders: {@code min} to {@code max} distinct SKUs each, the width of checkout's pricing fan-out. */
    private static UnaryOperator<LoadOptions> orders(int min, int max) {
        return options -> options.withItems(min, max);
    }

    private static AdminChange change(Service service, String resource, Map<String, Object> values) {
        return AdminChange.of(service, resource, values);
    }
}
