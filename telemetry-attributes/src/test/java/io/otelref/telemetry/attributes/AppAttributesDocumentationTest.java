package io.otelref.telemetry.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;

/** The attribute table in the docs is the contract; this keeps it and the code in step. */
class AppAttributesDocumentationTest {

    private static final Path TABLE = Path.of("..", "docs", "telemetry", "attributes.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(app\\.[a-z_.]+)` \\| (\\w+) \\|", Pattern.MULTILINE);

    @Test
    void everyDeclaredAttributeIsDocumentedWithItsTypeAndNothingElseIs() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(TABLE));
        while (row.find()) {
            documented.add(row.group(1) + ":" + row.group(2));
        }
        Set<String> declared = new TreeSet<>();
        for (Field field : AppAttributes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == AttributeKey.class) {
                AttributeKey<?> key = (AttributeKey<?>) get(field);
                declared.add(key.getKey() + ":" + key.getType().name().toLowerCase());
            }
        }
        assertEquals(declared, documented);
        assertEquals(declared.size(), Arrays.stream(AppAttributes.class.getDeclaredFields())
                .filter(field -> field.getType() == AttributeKey.class).count());
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
