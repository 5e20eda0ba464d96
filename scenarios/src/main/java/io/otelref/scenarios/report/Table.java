package io.otelref.scenarios.report;

import java.util.Arrays;
import java.util.List;

/** Left-aligned text columns, the first row a header underlined with dashes. */
final class Table {

    private Table() {
    }

    static String render(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < rows.size(); index++) {
            appendRow(text, rows.get(index), widths);
            if (index == 0) {
                appendRow(text, Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
            }
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int column = 0; column < row.size(); column++) {
            line.append(String.format("%-" + widths[column] + "s  ", row.get(column)));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
