package io.otelref.deployment.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The series names that the recording rules in {@code deploy/prometheus/rules/*.yml} define. */
public final class RecordingRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RecordingRules() {
    }

    public static Set<String> names(Path deploy) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(deploy.resolve("prometheus/rules"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".yml")).toList()) {
                for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        if (rule.hasNonNull("record")) {
                            names.add(rule.path("record").asText());
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return names;
    }
}
