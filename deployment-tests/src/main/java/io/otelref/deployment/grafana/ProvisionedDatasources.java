package io.otelref.deployment.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The datasources that {@code deploy/grafana/provisioning/datasources/datasources.yml} creates. */
public record ProvisionedDatasources(List<Datasource> datasources) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static ProvisionedDatasources read(Path deploy) {
        Path file = deploy.resolve("grafana/provisioning/datasources/datasources.yml");
        try {
            List<Datasource> datasources = new ArrayList<>();
            for (JsonNode datasource : YAML.readTree(file.toFile()).path("datasources")) {
                datasources.add(new Datasource(datasource));
            }
            return new ProvisionedDatasources(datasources);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(file.toString(), unreadable);
        }
    }

    public List<String> uids() {
        return datasources.stream().map(Datasource::uid).toList();
    }

    public Datasource byType(String type) {
        return datasources.stream().filter(datasource -> datasource.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no datasource of type " + type + " in " + uids()));
    }

    public record Datasource(JsonNode json) {

        public String uid() {
            return json.path("uid").asText("");
        }

        public String type() {
            return json.path("type").asText("");
        }

        /** Where a Prometheus exemplar's trace id label leads: label name and target datasource uid. */
        public List<ExemplarLink> exemplarLinks() {
            List<ExemplarLink> links = new ArrayList<>();
            for (JsonNode destination : json.path("jsonData").path("exemplarTraceIdDestinations")) {
                links.add(new ExemplarLink(destination.path("name").asText(""),
                        destination.path("datasourceUid").asText("")));
            }
            return links;
        }

        public LogsLink logsLink() {
            JsonNode link = json.path("jsonData").path("tracesToLogsV2");
            return new LogsLink(link.path("datasourceUid").asText(""), link.path("customQuery").asBoolean(false),
                    link.path("query").asText(""));
        }

        public List<DerivedField> derivedFields() {
            List<DerivedField> fields = new ArrayList<>();
            for (JsonNode field : json.path("jsonData").path("derivedFields")) {
                fields.add(new DerivedField(field.path("name").asText(""), field.path("matcherType").asText("regex"),
                        field.path("matcherRegex").asText(""), field.path("url").asText(""),
                        field.path("datasourceUid").asText("")));
            }
            return fields;
        }
    }

    public record ExemplarLink(String label, String datasourceUid) {
    }

    /** Where a trace view's "logs for this span" leads, and with which query: {@code jsonData.tracesToLogsV2}. */
    public record LogsLink(String datasourceUid, boolean customQuery, String query) {
    }

    /** A log field that becomes a link: {@code jsonData.derivedFields}, matched on a field ({@code label}) or a regex. */
    public record DerivedField(String name, String matcherType, String matcher, String url, String datasourceUid) {
    }
}
