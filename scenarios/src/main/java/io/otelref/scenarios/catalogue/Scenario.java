package io.otelref.scenarios.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.scenarios.signal.Signal;

/**
 * One named failure: the fault a trainee switches on, the optional fix, the load that makes it show, the
 * question to answer from telemetry alone and the signals that answer it.
 *
 * @param rate     arrivals per second when the command line names none: enough load for the fault to show
 * @param load     the scenario's traffic, applied to a plain open-model run of the runner's rate and duration
 * @param signals  what telemetry shows, measured per run; the signature the e2e suite asserts
 * @param queries  PromQL that shows the scenario in Prometheus
 * @param exhibit  which trace to draw as a waterfall
 */
public record Scenario(
        String name,
        String summary,
        String question,
        Treatment fault,
        Optional<Treatment> fix,
        double rate,
        UnaryOperator<LoadOptions> load,
        List<Signal> signals,
        List<PromQuery> queries,
        Exhibit exhibit,
        Optional<DuringLoad> duringLoad) {

    public Scenario {
        signals = List.copyOf(signals);
        queries = List.copyOf(queries);
    }

    public String page() {
        return "docs/scenarios/" + name + ".md";
    }
}
