package io.otelref.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otelref.scenarios.catalogue.Catalogue;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.stack.StackEndpoints;

class ScenarioCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void listNamesEveryScenarioAndWhichHaveAFix() throws Exception {
        assertEquals(ScenarioCli.RAN, run("list"));
        String listed = out.toString(StandardCharsets.UTF_8);
        for (Scenario scenario : Catalogue.all()) {
            assertTrue(listed.lines().anyMatch(line -> line.trim().startsWith(scenario.name() + " ")
                    && line.contains("--fix") == scenario.fix().isPresent()), scenario.name() + " in\n" + listed);
        }
    }

    @Test
    void anUnknownScenarioExitsWithTwoAndTheValidNames() throws Exception {
        assertEquals(ScenarioCli.BAD_USAGE, run("hot-acount"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("scenario: unknown scenario 'hot-acount'"), said);
        Catalogue.all().forEach(scenario -> assertTrue(said.contains(scenario.name()), scenario.name()));
    }

    @Test
    void aBadFlagExitsWithTwoNamingTheValidOnes() throws Exception {
        assertEquals(ScenarioCli.BAD_USAGE, run("hot-account", "--fixed"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--fixed' (valid: --fix --rate --duration --no-warm-up)"));
    }

    @Test
    void badValuesAndMissingNamesExitWithTwo() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("--fix"), List.of("baseline", "--rate", "0"),
                List.of("baseline", "--rate", "fast"), List.of("baseline", "--duration"), List.of("baseline", "--duration", "1d"),
                List.of("list", "--fix"))) {
            err.reset();
            assertEquals(ScenarioCli.BAD_USAGE, run(args.toArray(String[]::new)), args.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("scenarios:"), "the list follows the message: " + args);
        }
    }

    @Test
    void fixOnAScenarioWithoutOneSaysWhichHaveOne() throws Exception {
        assertEquals(ScenarioCli.BAD_USAGE, run("poison-message", "--fix"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("'poison-message' has no fix switch"), said);
        assertTrue(said.contains("scenarios with one: retry-storm hot-account"), said);
    }

    @Test
    void withoutAnAdminTokenNothingIsSwitchedAndTheExitSaysWhy() throws Exception {
        assertEquals(ScenarioCli.STACK_NOT_READY, run("baseline"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no admin token: set PLATFORM_ADMIN_TOKEN"));
    }

    private int run(String... args) throws InterruptedException {
        return ScenarioCli.run(List.of(args), StackEndpoints.from(Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
