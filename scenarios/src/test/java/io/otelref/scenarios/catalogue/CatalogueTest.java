package io.otelref.scenarios.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.config.LoadOptionsParser;

class CatalogueTest {

    /** What the runner starts each phase from: its rate, duration and span export, then the scenario's load. */
    private static final LoadOptions PLAIN = LoadOptions.openModel(URI.create("http://127.0.0.1:8080"), 8,
            Duration.ofSeconds(20), Optional.of(URI.create("http://127.0.0.1:4318")), 1);

    @Test
    void namesAreUniqueAndTheIssueListIsCovered() {
        List<String> names = Catalogue.all().stream().map(Scenario::name).toList();
        assertEquals(List.of("baseline", "slow-downstream", "retry-storm", "hot-account", "queue-backlog",
                "poison-message", "duplicate-delivery", "fan-out-partial-failure", "pool-starvation",
                "sampling-blind-spot"), names);
    }

    @Test
    void everyScenarioHasAQuestionSignalsPromQlAndItsPage() {
        for (Scenario scenario : Catalogue.all()) {
            assertTrue(scenario.question().endsWith("?") || scenario.question().endsWith("."), scenario.name());
            assertFalse(scenario.signals().isEmpty(), scenario.name());
            assertFalse(scenario.queries().isEmpty(), scenario.name());
            scenario.queries().forEach(query -> assertTrue(!query.query().contains("[") || query.query().contains(PromQuery.WINDOW),
                    scenario.name() + ": a range in " + query.query() + " must be the phase's window"));
            assertTrue(Files.isRegularFile(Path.of("..").resolve(scenario.page())), scenario.page() + " exists");
        }
    }

    /** The load of every phase is a run the load generator's own command line accepts, and names the same run. */
    @Test
    void everyPhaseLoadIsARunTheCommandLineGivesBack() throws Exception {
        for (Scenario scenario : Catalogue.all()) {
            List<Treatment> phases = new ArrayList<>(List.of(scenario.fault()));
            scenario.fix().ifPresent(fix -> phases.add(scenario.fault().then(fix)));
            for (Treatment phase : phases) {
                LoadOptions load = phase.load().apply(scenario.load().apply(PLAIN));
                assertEquals(Optional.of(load), LoadOptionsParser.parse(load.commandLine()), scenario.name() + " " + load);
            }
        }
    }

    @Test
    void theFixPhaseKeepsTheFaultAndAddsTheFix() {
        Scenario hotAccount = Catalogue.named("hot-account").orElseThrow();
        Treatment fixPhase = hotAccount.fault().then(hotAccount.fix().orElseThrow());
        LoadOptions fixLoad = fixPhase.load().apply(PLAIN);
        assertEquals(1, fixLoad.hotAccounts());
        assertEquals(0.9, fixLoad.hotShare());
        List<Object> faultThenFix = new ArrayList<>(hotAccount.fault().changes());
        faultThenFix.addAll(hotAccount.fix().get().changes());
        assertEquals(faultThenFix, fixPhase.changes());
    }

    @Test
    void onlyTheBaselineAndThePoisonMessageSwitchNothing() {
        assertEquals(List.of("baseline", "poison-message"), Catalogue.all().stream()
                .filter(scenario -> scenario.fault().switchesNothing()).map(Scenario::name).toList());
        assertFalse(Treatment.of("a heavier load").withLoad(options -> options.withItems(3, 6)).switchesNothing());
    }
}
