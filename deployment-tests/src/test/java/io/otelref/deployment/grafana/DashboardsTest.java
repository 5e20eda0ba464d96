package io.otelref.deployment.grafana;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.otelref.deployment.DeployDirectory;
import io.otelref.deployment.prometheus.RecordingRules;

/**
 * The provisioned dashboards load in Grafana and point where they should. That every metric they
 * query really exists is checked against a live scrape in e2e-tests (DashboardMetricsEndToEndTest).
 */
class DashboardsTest {

    private static final Path DEPLOY = DeployDirectory.locate();
    private static final List<Dashboard> DASHBOARDS = Dashboard.all(DEPLOY);
    private static final ProvisionedDatasources DATASOURCES = ProvisionedDatasources.read(DEPLOY);
    private static final String VICTORIALOGS_PLUGIN = "victoriametrics-logs-datasource";

    @Test
    void everyDashboardThatIssue5AsksForIsThere() {
        assertEquals(Set.of("checkout-service", "billing-service", "invoice-worker", "checkout-path",
                "order-to-invoice", "account-locks", "dependency-retries"),
                DASHBOARDS.stream().map(Dashboard::uid).collect(Collectors.toSet()));
    }

    @Test
    void everyDashboardHasATitleAndAUidOfItsOwn() {
        assertAll(DASHBOARDS.stream().map(dashboard -> () -> assertFalse(dashboard.title().isBlank(),
                dashboard + " has no title")));
        assertNoDuplicates("dashboard uid", DASHBOARDS, Dashboard::uid);
        assertNoDuplicates("dashboard title", DASHBOARDS, Dashboard::title);
    }

    @Test
    void panelIdsAreUniqueWithinEachDashboard() {
        assertAll(DASHBOARDS.stream().map(dashboard -> () -> {
            assertFalse(dashboard.panels().isEmpty(), dashboard + " has no panels");
            assertNoDuplicates(dashboard + " panel id", dashboard.panels(), Dashboard.Panel::id);
        }));
    }

    @Test
    void everyPanelNamesAProvisionedDatasource() {
        List<String> provisioned = DATASOURCES.uids();
        List<Executable> checks = new ArrayList<>();
        for (Dashboard dashboard : DASHBOARDS) {
            for (Dashboard.Panel panel : dashboard.panels()) {
                if (panel.isRow()) {
                    continue;
                }
                checks.add(() -> assertFalse(panel.datasourceUids().isEmpty(),
                        dashboard + " \"" + panel.title() + "\" names no datasource"));
                for (String uid : panel.datasourceUids()) {
                    checks.add(() -> assertTrue(provisioned.contains(uid), dashboard + " \"" + panel.title()
                            + "\" names datasource " + uid + "; provisioned are " + provisioned));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void everyQueryReadsAtLeastOneMetric() {
        assertAll(DASHBOARDS.stream().flatMap(dashboard -> dashboard.queries().stream()
                .map(query -> () -> assertFalse(query.metricNames().isEmpty(), dashboard + " " + query))));
    }

    @Test
    void recordingRuleNamesInQueriesAreDefinedInTheRuleFiles() {
        Set<String> defined = RecordingRules.names(DEPLOY);
        assertFalse(defined.isEmpty(), "no recording rules found under deploy/prometheus/rules");
        assertAll(DASHBOARDS.stream().flatMap(dashboard -> dashboard.queries().stream()
                .flatMap(query -> query.metricNames().stream()
                        // Only recording rules carry colons in their names (the level:metric:operation convention).
                        .filter(name -> name.contains(":"))
                        .map(name -> () -> assertTrue(defined.contains(name),
                                dashboard + " " + query + " reads " + name + ", which no rule records")))));
    }

    @Test
    void exemplarsOnPrometheusGraphsLinkToTheJaegerDatasourceByTraceId() {
        ProvisionedDatasources.Datasource jaeger = DATASOURCES.byType("jaeger");
        assertEquals(List.of(new ProvisionedDatasources.ExemplarLink("trace_id", jaeger.uid())),
                DATASOURCES.byType("prometheus").exemplarLinks());
    }

    @Test
    void aTraceLinksToItsLogRecordsByTraceIdAndARecordBackToItsTrace() {
        ProvisionedDatasources.Datasource jaeger = DATASOURCES.byType("jaeger");
        ProvisionedDatasources.Datasource logs = DATASOURCES.byType(VICTORIALOGS_PLUGIN);

        ProvisionedDatasources.LogsLink toLogs = jaeger.logsLink();
        assertEquals(logs.uid(), toLogs.datasourceUid());
        assertTrue(toLogs.customQuery(), "Grafana's built-in trace-to-logs query is LogQL, which VictoriaLogs does not speak");
        // "$$" is how a provisioning file writes a literal "$": Grafana reads "${__trace.traceId}" as an
        // environment variable and would leave an empty query.
        assertTrue(toLogs.query().startsWith("trace_id:~\"$${__trace.traceId}$$\""), toLogs.query());

        assertEquals(List.of(new ProvisionedDatasources.DerivedField("trace_id", "label", "trace_id", "$${__value.raw}",
                jaeger.uid())), logs.derivedFields());
    }

    @Test
    void composeInstallsTheLogsPluginAtAPinnedVersion() throws IOException {
        String compose = Files.readString(DEPLOY.resolveSibling("docker-compose.yml"));
        assertTrue(compose.matches("(?s).*GF_PLUGINS_PREINSTALL_SYNC: " + VICTORIALOGS_PLUGIN + "@\\d+\\.\\d+\\.\\d+\\n.*"),
                "docker-compose.yml's grafana service does not preinstall " + VICTORIALOGS_PLUGIN + " at a pinned version");
    }

    private static <T> void assertNoDuplicates(String what, List<T> items, Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        List<Object> duplicates = items.stream().map(key).filter(value -> !seen.add(value)).toList();
        assertTrue(duplicates.isEmpty(), what + " used more than once: " + duplicates);
    }
}
