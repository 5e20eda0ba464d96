package io.otelref.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.otelref.scenarios.stack.AdminApi;
import io.otelref.scenarios.stack.Service;
import io.otelref.scenarios.stack.StackEndpoints;

/**
 * A scenario stopped halfway (Ctrl-C, or a CI job cancelled) still puts the services back: the runner's
 * shutdown hook resets every admin API. The process is the real CLI, stopped with SIGTERM, which runs the
 * same hooks as the SIGINT of Ctrl-C.
 */
class ScenarioInterruptEndToEndTest {

    private static final Path RUNNER = Path.of("..", "scenarios", "target", "scenarios.jar");

    @Test
    void anInterruptedScenarioRestoresTheServices() throws Exception {
        assertTrue(Files.isRegularFile(RUNNER), RUNNER.toAbsolutePath() + " is missing: build the scenarios module first");
        AdminApi admin = new AdminApi(StackEndpoints.fromEnvironment());
        JsonNode configured = admin.current(Service.WORKER, "behaviour");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process scenario = new ProcessBuilder(List.of(java, "-jar", RUNNER.toString(), "queue-backlog", "--no-warm-up", "--duration", "60s"))
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("scenario-interrupt", ".log").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.current(Service.WORKER, "behaviour").path("concurrency").asInt() == 1);
        } finally {
            scenario.destroy();
        }
        scenario.waitFor();
        assertEquals(configured, admin.current(Service.WORKER, "behaviour"), "the worker is back to its configured behaviour");
    }
}
