package io.otelref.operations.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.otelref.operations.Addresses;

/**
 * What a fault does to the stack, with the stack's own tools: the infra/ scripts that start and stop its
 * servers and services (as ./demo does), a signal to a service's process, and billing's admin API for the
 * simulated payment gateway.
 */
final class Stage {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path repo;
    private final Consumer<String> progress;

    Stage(Path repo, Consumer<String> progress) {
        this.repo = repo;
        this.progress = progress;
    }

    void servers(String action, String server) {
        script("infra/local-servers.sh", action, server);
    }

    void observability(String action, String server) {
        script("infra/observability.sh", action, server);
    }

    /**
     * The collector's pipeline mode as infra/observability.sh started it: {@code every-trace} (also when it
     * recorded none) or {@code tail-sampling}.
     */
    String collectorMode() {
        Path modeFile = repo.resolve(".demo").resolve("otelcol").resolve("mode");
        try {
            return Files.exists(modeFile) ? Files.readString(modeFile).strip() : "every-trace";
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    void collectorStart(String mode) {
        if (mode.equals("tail-sampling")) {
            script("infra/observability.sh", "start", "otelcol", "--tail-sampling");
        } else {
            script("infra/observability.sh", "start", "otelcol");
        }
    }

    void service(String action, String service) {
        script("infra/services.sh", action, service);
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained; what the process held is simply gone. */
    void kill(String service) {
        Path pidFile = repo.resolve(".demo").resolve(service).resolve("service.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            progress.accept("kill -KILL " + pid + " (" + service + ")");
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get();
        } catch (IOException | NumberFormatException unreadable) {
            throw new IllegalStateException("no pid of " + service + " in " + pidFile + ": is it started?", unreadable);
        } catch (Exception interrupted) {
            throw new IllegalStateException("waiting for " + service + " to die: " + interrupted, interrupted);
        }
    }

    void gatewayReachable(boolean reachable) {
        progress.accept("PUT /admin/gateway/reachability {\"reachable\":" + reachable + "} (billing-service)");
        String token = Addresses.adminToken().orElseThrow(() -> new IllegalStateException(
                "no admin token: set PLATFORM_ADMIN_TOKEN, or start the stack with ./demo up"));
        URI uri = Addresses.billing().resolve("/admin/gateway/reachability");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"reachable\":" + reachable + "}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException unreachable) {
            throw new IllegalStateException(uri + " did not answer: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void script(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(repo.resolve(script).toString()));
        command.addAll(List.of(args));
        progress.accept(script + " " + String.join(" ", args));
        try {
            Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException failed) {
            throw new IllegalStateException("cannot run " + command + ": " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
