package io.otelref.scenarios.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otelref.loadgen.config.LoadOptionsParser;

class CatalogueTest {

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

    /** The load flags of every phase are ones the load generator accepts: a typo would only show in a live run. */
    @Test
    void everyPhaseLoadParses() throws Exception {
        for (Scenario scenario : Catalogue.all()) {
            List<Treatment> phases = new ArrayList<>(List.of(scenario.fault()));
            scenario.fix().ifPresent(fix -> phases.add(scenario.fault().then(fix)));
            for (Treatment phase : phases) {
                List<String> flags = new ArrayList<>(scenario.load());
                flags.addAll(phase.loadFlags());
                assertTrue(LoadOptionsParser.parse(flags).isPresent(), scenario.name() + " " + flags);
            }
        }
    }

    @Test
    void theFixPhaseKeepsTheFaultAndAddsTheFix() {
        Scenario hotAccount = Catalogue.named("hot-account").orElseThrow();
        Treatment fixPhase = hotAccount.fault().then(hotAccount.fix().orElseThrow());
        assertEquals(List.of("--hot-accounts", "1", "--hot-share", "0.9"), fixPhase.loadFlags());
        List<Object> faultThenFix = new ArrayList<>(hotAccount.fault().changes());
        faultThenFix.addAll(hotAccount.fix().get().changes());
        assertEquals(faultThenFix, fixPhase.changes());
    }
}
