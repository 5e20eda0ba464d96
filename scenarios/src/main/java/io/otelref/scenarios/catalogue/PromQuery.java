package io.otelref.scenarios.catalogue;

/**
 * A PromQL expression that shows the scenario in Prometheus.
 *
 * @param shows what a trainee reads from it
 * @param query the expression; {@value #WINDOW} stands for the range the scenario's load ran in
 */
public record PromQuery(String shows, String query) {

    public static final String WINDOW = "$window";

    /** The expression over a range of {@code seconds}, e.g. {@code rate(x[45s])}. */
    public String over(long seconds) {
        return query.replace(WINDOW, seconds + "s");
    }
}
