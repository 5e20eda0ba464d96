package io.otelref.deployment.grafana;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a full parser.
 *
 * <p>A metric name is an identifier that is not followed by {@code (} (a function or an aggregation)
 * nor by {@code by}/{@code without} (an aggregation that groups first), is not a keyword or binary operator, and does not stand inside a label matcher
 * {@code {…}}, a range or subquery {@code […]}, a grouping list such as {@code by (…)}, a string, or a
 * Grafana variable such as {@code $__rate_interval}. A name chosen only through a {@code __name__}
 * matcher is not seen; the dashboards here do not do that.
 */
public final class PromQlMetricNames {

    /** Lower case: PromQL keywords are case-insensitive. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset",
            "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");

    /** Keywords followed by a parenthesised list of label names. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private final String expression;
    private int position;

    private PromQlMetricNames(String expression) {
        this.expression = expression;
    }

    /** The names in order of first appearance. */
    public static Set<String> in(String expression) {
        return new PromQlMetricNames(expression).scan();
    }

    private Set<String> scan() {
        Set<String> names = new LinkedHashSet<>();
        while (position < expression.length()) {
            char current = expression.charAt(position);
            if (current == '"' || current == '\'' || current == '`') {
                skipString(current);
            } else if (current == '{') {
                skipPast('}');
            } else if (current == '[') {
                skipPast(']');
            } else if (current == '#') {
                skipPast('\n');
            } else if (current == '$') {
                skipVariable();
            } else if (Character.isDigit(current) || current == '.' && nextIsDigit()) {
                skipNumberOrDuration();
            } else if (startsIdentifier(current)) {
                String identifier = readIdentifier();
                readName(identifier, names);
            } else {
                position++;
            }
        }
        return names;
    }

    private void readName(String identifier, Set<String> names) {
        String keyword = identifier.toLowerCase(Locale.ROOT);
        boolean opensParenthesis = nextNonBlankIs('(');
        if (LABEL_LISTS.contains(keyword)) {
            if (opensParenthesis) {
                skipPast(')');
            }
        } else if (!opensParenthesis && !nextWordGroups() && !KEYWORDS.contains(keyword)) {
            names.add(identifier);
        }
    }

    private void skipString(char quote) {
        position++;
        while (position < expression.length() && expression.charAt(position) != quote) {
            // Backquoted strings are raw; the other two escape with a backslash.
            position += expression.charAt(position) == '\\' && quote != '`' ? 2 : 1;
        }
        position++;
    }

    /** Skips to just after {@code end}, stepping over strings so that a quoted {@code }} does not end a matcher. */
    private void skipPast(char end) {
        position++;
        while (position < expression.length() && expression.charAt(position) != end) {
            char current = expression.charAt(position);
            if (current == '"' || current == '\'' || current == '`') {
                skipString(current);
            } else {
                position++;
            }
        }
        position++;
    }

    /** {@code $name}, {@code ${name}} or {@code ${name:format}}: Grafana replaces it before PromQL sees it. */
    private void skipVariable() {
        position++;
        if (position < expression.length() && expression.charAt(position) == '{') {
            skipPast('}');
        } else {
            readIdentifier();
        }
    }

    /** Numbers ({@code 0.95}, {@code 1e3}, {@code 0x1f}) and durations ({@code 5m}, {@code 1h30m}). */
    private void skipNumberOrDuration() {
        while (position < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(position)) || expression.charAt(position) == '.')) {
            position++;
        }
    }

    private String readIdentifier() {
        int start = position;
        while (position < expression.length() && continuesIdentifier(expression.charAt(position))) {
            position++;
        }
        return expression.substring(start, position);
    }

    private boolean nextNonBlankIs(char expected) {
        int ahead = position;
        while (ahead < expression.length() && Character.isWhitespace(expression.charAt(ahead))) {
            ahead++;
        }
        return ahead < expression.length() && expression.charAt(ahead) == expected;
    }

    /** {@code sum by (le) (…)}: the word after an aggregation operator may be its grouping clause. */
    private boolean nextWordGroups() {
        int ahead = position;
        while (ahead < expression.length() && Character.isWhitespace(expression.charAt(ahead))) {
            ahead++;
        }
        int start = ahead;
        while (ahead < expression.length() && continuesIdentifier(expression.charAt(ahead))) {
            ahead++;
        }
        String word = expression.substring(start, ahead).toLowerCase(Locale.ROOT);
        return word.equals("by") || word.equals("without");
    }

    private boolean nextIsDigit() {
        return position + 1 < expression.length() && Character.isDigit(expression.charAt(position + 1));
    }

    private static boolean startsIdentifier(char character) {
        return character >= 'a' && character <= 'z' || character >= 'A' && character <= 'Z' || character == '_'
                || character == ':';
    }

    private static boolean continuesIdentifier(char character) {
        return startsIdentifier(character) || character >= '0' && character <= '9';
    }
}
