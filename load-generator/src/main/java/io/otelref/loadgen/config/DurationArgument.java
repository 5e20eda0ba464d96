package io.otelref.loadgen.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
public final class DurationArgument {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationArgument() {
    }

    public static Duration parse(String flag, String text) throws UsageException {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new UsageException(flag + " expects a duration like 500ms, 30s, 5m or 1h (got '" + text + "')");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The inverse of {@link #parse} for reports: the largest unit that states the value exactly. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
