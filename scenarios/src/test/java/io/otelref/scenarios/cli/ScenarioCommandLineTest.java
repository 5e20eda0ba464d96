package io.otelref.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import io.otelref.scenarios.run.RunPlan;

class ScenarioCommandLineTest {

    @Test
    void aRunTakesItsOptionsInAnyOrder() throws UsageException {
        ScenarioCommand.Run run = assertInstanceOf(ScenarioCommand.Run.class, ScenarioCommandLine.parse(
                List.of("hot-account", "--duration", "10s", "--fix", "--no-warm-up", "--rate", "12.5")));

        assertEquals("hot-account", run.scenario().name());
        assertEquals(new RunPlan(true, OptionalDouble.of(12.5), Duration.ofSeconds(10), false), run.plan());
    }

    @Test
    void withoutOptionsARunIsTheScenariosOwnLoadAfterAWarmUp() throws UsageException {
        ScenarioCommand.Run run = assertInstanceOf(ScenarioCommand.Run.class, ScenarioCommandLine.parse(List.of("baseline")));

        assertEquals(new RunPlan(false, OptionalDouble.empty(), RunPlan.DEFAULT_DURATION, true), run.plan());
    }

    @Test
    void helpAndListAreCommandsOfTheirOwn() throws UsageException {
        for (String help : List.of("help", "-h", "--help")) {
            assertInstanceOf(ScenarioCommand.Help.class, ScenarioCommandLine.parse(List.of(help)), help);
        }
        assertInstanceOf(ScenarioCommand.ListScenarios.class, ScenarioCommandLine.parse(List.of("list")));
    }

    @Test
    void eachMistakeIsNamed() {
        assertEquals("'list' takes no options", message("list", "--fix"));
        assertEquals("name a scenario, or 'list'", message());
        assertEquals("name the scenario before the options", message("--fix"));
        assertEquals("--rate expects requests per second between 0 and 500 (got '0')", message("baseline", "--rate", "0"));
        assertEquals("--duration must be longer than 0s and at most 30m (got '31m')", message("baseline", "--duration", "31m"));
        assertEquals("name one scenario, then its options (got 'baseline hot-account')", message("baseline", "hot-account"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> ScenarioCommandLine.parse(List.of(args))).getMessage();
    }
}
