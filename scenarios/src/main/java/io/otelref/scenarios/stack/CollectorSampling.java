package io.otelref.scenarios.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the OpenTelemetry Collector in front of Jaeger keeps every trace or samples at the tail
 * (deploy/otel-collector/tail-sampling.yaml). Locally it is a choice made when the collector starts, so a
 * switch restarts it through {@code infra/observability.sh} (about a second; the SDKs retry what they could
 * not send meanwhile). Compose's collector always samples at the tail and has no switch: there a scenario
 * sees what that collector keeps.
 */
public final class CollectorSampling {

    private static final String SCRIPT = "infra/observability.sh";
    private static final long TIMEOUT_SECONDS = 120;

    private final Optional<Path> repo;

    private CollectorSampling(Optional<Path> repo) {
        this.repo = repo;
    }

    /**
     * The local stack's switch when this runs inside a checkout ({@code OTELREF_REPO_ROOT}, or the working
     * directory or one above it holds {@value #SCRIPT}); none otherwise, as inside the compose network.
     */
    public static CollectorSampling discover() {
        String configured = System.getenv("OTELREF_REPO_ROOT");
        if (configured != null && !configured.isBlank()) {
            return new CollectorSampling(Optional.of(Path.of(configured)));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return new CollectorSampling(Optional.of(dir));
            }
        }
        return new CollectorSampling(Optional.empty());
    }

    /**
     * Makes the collector sample at the tail, or keep every trace; returns what was done, for the progress
     * log. Asking for the mode it already runs in costs a status check of the script, no restart.
     */
    public String set(boolean tailSampling) {
        if (repo.isEmpty()) {
            return "the collector's sampling is the deployment's (compose: tail sampling)";
        }
        List<String> command = new ArrayList<>(List.of(repo.get().resolve(SCRIPT).toString(), "start", "otelcol"));
        if (tailSampling) {
            command.add("--tail-sampling");
        }
        run(command);
        return tailSampling ? "the collector samples at the tail (every failed or slow trace, 10 % of the rest)"
                : "the collector keeps every trace";
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(repo.orElseThrow().toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new StackException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException failed) {
            throw new StackException("cannot run " + command + ": " + failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running " + command);
        }
    }
}
