package io.otelref.loadgen.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, one point per second of the run, so the HTML report needs no script or
 * stylesheet from anywhere. A NaN value (no request ended that second) breaks the line instead of
 * pretending it was 0.
 */
final class SvgLineChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 130;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final int GRID_LINES = 4;

    record Series(String name, String colour, double[] values) {
    }

    private SvgLineChart() {
    }

    static String render(String id, String title, String unit, List<Series> series) {
        int points = series.stream().mapToInt(line -> line.values().length).max().orElse(0);
        double top = niceCeiling(series.stream().flatMapToDouble(line -> Arrays.stream(line.values()))
                .filter(value -> !Double.isNaN(value)).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double xStep = points > 1 ? plotWidth / (points - 1) : 0;
        StringBuilder svg = new StringBuilder();
        svg.append(fmt("<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", id, WIDTH, HEIGHT, WIDTH, HEIGHT,
                Html.escape(title)));
        for (int line = 0; line <= GRID_LINES; line++) {
            double value = top * line / GRID_LINES;
            double y = TOP + plotHeight - plotHeight * line / GRID_LINES;
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotWidth, y));
            svg.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, SummaryTable.trim(Math.round(value * 100) / 100.0)));
        }
        svg.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", 4, TOP - 6, Html.escape(unit)));
        int labelEvery = Math.max(1, points / 10);
        for (int second = 0; second < points; second += labelEvery) {
            svg.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%ds</text>%n",
                    LEFT + second * xStep, HEIGHT - 8, second));
        }
        for (int index = 0; index < series.size(); index++) {
            Series line = series.get(index);
            for (String segment : segments(line.values(), xStep, top, plotHeight)) {
                svg.append(fmt("<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" "
                        + "points=\"%s\"/>%n", Html.escape(line.name()), line.colour(), segment));
            }
            double legendY = TOP + 14 + index * 18;
            svg.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    LEFT + plotWidth + 12, legendY - 4, LEFT + plotWidth + 30, legendY - 4, line.colour()));
            svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>%n",
                    LEFT + plotWidth + 36, legendY, Html.escape(line.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static List<String> segments(double[] values, double xStep, double top, double plotHeight) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int second = 0; second < values.length; second++) {
            if (Double.isNaN(values[second])) {
                flush(segments, current);
                continue;
            }
            double y = TOP + plotHeight - plotHeight * values[second] / top;
            current.append(fmt("%.1f,%.1f ", LEFT + second * xStep, y));
        }
        flush(segments, current);
        return segments;
    }

    private static void flush(List<String> segments, StringBuilder current) {
        if (!current.isEmpty()) {
            segments.add(current.toString().trim());
            current.setLength(0);
        }
    }

    /** 1, 2 or 5 times a power of ten, at or above the largest value, so grid labels are round numbers. */
    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** SVG wants '.' decimals whatever the machine's locale. */
    private static String fmt(String format, Object... arguments) {
        return String.format(Locale.ROOT, format, arguments);
    }
}
