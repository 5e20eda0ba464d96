package io.otelref.scenarios.run;

import java.util.List;
import java.util.Optional;

import io.otelref.scenarios.catalogue.Scenario;

/** A scenario run: the fault phase, and the fix phase when it was asked for. */
public record ScenarioResult(Scenario scenario, PhaseResult fault, Optional<PhaseResult> fix) {

    public List<PhaseResult> phases() {
        return fix.map(fixed -> List.of(fault, fixed)).orElse(List.of(fault));
    }
}
