package io.otelref.scenarios.cli;

import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.run.RunPlan;

/** What the command line asked for. */
public sealed interface ScenarioCommand {

    record Help() implements ScenarioCommand {
    }

    record ListScenarios() implements ScenarioCommand {
    }

    record Run(Scenario scenario, RunPlan plan) implements ScenarioCommand {
    }
}
