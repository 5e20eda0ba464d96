package io.otelref.operations.chaos;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The faults the suite injects under load, each with the stack's own tools, and what an operator looks
 * at to recognise it. {@link #inject} returns once the fault is over and the stack is whole again.
 */
public enum Fault {

    KAFKA_DOWN("the Kafka broker stopped for 30 s", 15, 35,
            List.of("app_outbox_backlog{job=\"checkout-service\"}",
                    "sum by (job) (kafka_consumer_fetch_manager_records_lag_max)")) {
        @Override
        void inject(Stage stage) {
            stage.servers("stop", "kafka");
            Stage.sleep(Duration.ofSeconds(30));
            stage.servers("start", "kafka");
        }
    },
    POSTGRES_DOWN("PostgreSQL stopped for 15 s", 15, 20,
            List.of("sum by (job, http_response_status_code) (rate(http_server_request_duration_seconds_count{http_route=~\"/api/.*\"}[1m]))",
                    "app_payment_orphans_total")) {
        @Override
        void inject(Stage stage) {
            stage.servers("stop", "postgres");
            Stage.sleep(Duration.ofSeconds(15));
            stage.servers("start", "postgres");
        }
    },
    WORKER_KILLED("invoice-worker killed with SIGKILL, then started again", 15, 10,
            List.of("sum(kafka_consumer_fetch_manager_records_lag_max{job=\"invoice-worker\"})")) {
        @Override
        void inject(Stage stage) {
            stage.kill("invoice-worker");
            Stage.sleep(Duration.ofSeconds(3));
            stage.service("start", "invoice-worker");
        }
    },
    CHECKOUT_RESTART("checkout-service restarted gracefully (SIGTERM)", 15, 15, List.of()) {
        @Override
        void inject(Stage stage) {
            restart(stage, "checkout-service");
        }
    },
    BILLING_RESTART("billing-service restarted gracefully (SIGTERM)", 15, 15,
            List.of("sum by (dependency) (rate(app_dependency_retries_total{job=\"checkout-service\"}[1m]))")) {
        @Override
        void inject(Stage stage) {
            restart(stage, "billing-service");
        }
    },
    WORKER_RESTART("invoice-worker restarted gracefully (SIGTERM)", 15, 15, List.of()) {
        @Override
        void inject(Stage stage) {
            restart(stage, "invoice-worker");
        }
    },
    GATEWAY_UNREACHABLE("the payment gateway unreachable for 15 s (every connection dropped)", 15, 17,
            List.of("sum by (job, dependency) (rate(app_dependency_retries_total[1m]))")) {
        @Override
        void inject(Stage stage) {
            stage.gatewayReachable(false);
            try {
                Stage.sleep(Duration.ofSeconds(15));
            } finally {
                stage.gatewayReachable(true);
            }
        }
    },
    COLLECTOR_DOWN("the OpenTelemetry Collector stopped for 15 s", 15, 17,
            List.of("sum by (job, error_type) (rate(otel_sdk_exporter_span_exported_total[1m]))",
                    "sum by (job, error_type) (otel_sdk_exporter_span_exported_total{error_type!=\"\"})")) {
        @Override
        void inject(Stage stage) {
            String mode = stage.collectorMode();
            stage.observability("stop", "otelcol");
            try {
                Stage.sleep(Duration.ofSeconds(15));
            } finally {
                stage.collectorStart(mode);
            }
        }

        /**
         * The telemetry's outage must not become the business's: checkouts go on, and each service's span
         * exporter counts the spans it could not deliver, so the hole in Jaeger is explained by a number. Read
         * once the books settle, at most a minute after the outage: two minutes cover it and no earlier fault.
         * A difference of totals, not {@code increase()}: the metrics travel through the stopped collector too,
         * so on a service's first outage Prometheus meets the failure series only afterwards, already at its
         * final count, and {@code increase()} over a series that never changed is 0.
         */
        @Override
        List<String> evidence() {
            return List.of("checkout-service", "billing-service").stream()
                    .map(job -> "otel_sdk_exporter_span_exported_total{job=\"" + job + "\", error_type!=\"\"}")
                    .map(failed -> "sum(" + failed + ") - (sum(" + failed + " offset 2m) or vector(0)) > 0")
                    .toList();
        }
    },
    COLD_START("all three services restarted, and load from the moment they report ready", 20, 0, List.of()) {
        @Override
        void inject(Stage stage) {
            for (String service : List.of("checkout-service", "invoice-worker", "billing-service")) {
                stage.service("stop", service);
            }
            for (String service : List.of("billing-service", "invoice-worker", "checkout-service")) {
                stage.service("start", service);
            }
        }

        @Override
        boolean loadAfterInjection() {
            return true;
        }

        @Override
        boolean tolerates503() {
            return false;
        }
    };

    private final String description;
    private final int rate;
    private final Duration length;
    private final List<String> promQueries;

    Fault(String description, int rate, int lengthSeconds, List<String> promQueries) {
        this.description = description;
        this.rate = rate;
        this.length = Duration.ofSeconds(lengthSeconds);
        this.promQueries = promQueries;
    }

    /** About how long injecting and lifting it takes: the load covers that much. */
    Duration length() {
        return length;
    }

    abstract void inject(Stage stage);

    /**
     * Whether a 503 is a right answer while it happens (a dependency is away). Not for a cold start: a
     * service that says it is ready must serve.
     */
    boolean tolerates503() {
        return true;
    }

    /**
     * PromQL that must return a sample once the fault is over: what the telemetry has to show of it.
     * Most faults are judged by the books alone.
     */
    List<String> evidence() {
        return List.of();
    }

    /** Whether the load starts only once the fault is over (a cold start), instead of running through it. */
    boolean loadAfterInjection() {
        return false;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** Checkouts per second of open-model load while it happens: at least 15. */
    public int rate() {
        return rate;
    }

    /** What to look at in Prometheus while it happens. */
    public List<String> promQueries() {
        return promQueries;
    }

    public static Optional<Fault> byId(String id) {
        return Arrays.stream(values()).filter(fault -> fault.id().equals(id)).findFirst();
    }

    private static void restart(Stage stage, String service) {
        stage.service("stop", service);
        stage.service("start", service);
    }
}
