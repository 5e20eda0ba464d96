package io.otelref.telemetry.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;

/** The collector enforces what LogRecordAttributes declares, and the logs page documents it: one list, three places. */
class LogRecordAttributesTest {

    private static final Path COLLECTOR_CONFIG = Path.of("..", "deploy", "otel-collector", "config.yaml");
    private static final Path LOGS_PAGE = Path.of("..", "docs", "telemetry", "logs.md");
    private static final Pattern KEEP_KEYS = Pattern.compile("keep_keys\\(log\\.attributes, \\[([^]]*)]\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private static final List<String> DECLARED = LogRecordAttributes.KEPT.stream().map(AttributeKey::getKey).toList();

    @Test
    void theCollectorKeepsExactlyTheDeclaredKeys() throws IOException {
        Matcher statement = KEEP_KEYS.matcher(Files.readString(COLLECTOR_CONFIG));
        assertTrue(statement.find(), "no keep_keys(log.attributes, [...]) statement in " + COLLECTOR_CONFIG);
        List<String> kept = new ArrayList<>();
        Matcher key = QUOTED.matcher(statement.group(1));
        while (key.find()) {
            kept.add(key.group(1));
        }
        assertEquals(DECLARED, kept);
        assertTrue(!statement.find(), "a second keep_keys(log.attributes, ...) in " + COLLECTOR_CONFIG);
    }

    @Test
    void theLogsPageNamesEveryDeclaredKey() throws IOException {
        String page = Files.readString(LOGS_PAGE);
        List<String> missing = DECLARED.stream().filter(name -> !page.contains("`" + name + "`")).toList();
        assertEquals(List.of(), missing, "keys LogRecordAttributes declares that " + LOGS_PAGE + " does not name");
    }

    @Test
    void noKeyIsDeclaredTwice() {
        assertEquals(DECLARED.size(), DECLARED.stream().distinct().count(), "a key declared twice: " + DECLARED);
    }
}
