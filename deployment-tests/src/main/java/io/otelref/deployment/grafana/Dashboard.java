package io.otelref.deployment.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A provisioned Grafana dashboard, as the JSON file under {@code deploy/grafana/dashboards} holds it. */
public record Dashboard(Path file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path directory(Path deploy) {
        return deploy.resolve("grafana/dashboards");
    }

    /** Every dashboard file, sorted by name; a file that is not JSON fails with its name. */
    public static List<Dashboard> all(Path deploy) {
        try (Stream<Path> files = Files.list(directory(deploy))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
                    .map(Dashboard::read).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static Dashboard read(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException notJson) {
            throw new UncheckedIOException(file + " is not valid JSON", notJson);
        }
    }

    public String title() {
        return json.path("title").asText("");
    }

    public String uid() {
        return json.path("uid").asText("");
    }

    /** Every panel, the ones nested in collapsed rows included, rows themselves included. */
    public List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            panels.add(new Panel(panel));
            for (JsonNode nested : panel.path("panels")) {
                panels.add(new Panel(nested));
            }
        }
        return panels;
    }

    /** Every PromQL expression of every panel. */
    public List<Query> queries() {
        return panels().stream().flatMap(panel -> panel.queries().stream()).toList();
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }

    public record Panel(JsonNode json) {

        /** Absent ids read as -1, which the uniqueness check then reports. */
        public int id() {
            return json.path("id").asInt(-1);
        }

        public String title() {
            return json.path("title").asText("");
        }

        public boolean isRow() {
            return "row".equals(json.path("type").asText());
        }

        /** The uids of the panel's datasource and of each query's own datasource, where given. */
        public List<String> datasourceUids() {
            List<String> uids = new ArrayList<>();
            if (json.path("datasource").hasNonNull("uid")) {
                uids.add(json.path("datasource").path("uid").asText());
            }
            for (JsonNode target : json.path("targets")) {
                if (target.path("datasource").hasNonNull("uid")) {
                    uids.add(target.path("datasource").path("uid").asText());
                }
            }
            return uids;
        }

        public List<Query> queries() {
            List<Query> queries = new ArrayList<>();
            for (JsonNode target : json.path("targets")) {
                queries.add(new Query(title(), target.path("refId").asText(), target.path("expr").asText("")));
            }
            return queries;
        }
    }

    /** One query of a panel: the panel's title and the query's refId say where it is. */
    public record Query(String panelTitle, String refId, String expression) {

        public Set<String> metricNames() {
            return PromQlMetricNames.in(expression);
        }

        @Override
        public String toString() {
            return "\"" + panelTitle + "\" " + refId + ": " + expression;
        }
    }
}
