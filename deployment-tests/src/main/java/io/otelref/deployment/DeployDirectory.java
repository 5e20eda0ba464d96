package io.otelref.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code deploy/} directory. Maven runs each module's tests in the module's own
 * directory, so it is found by walking up from there; {@code -Ddeploy.dir=…} names another one.
 */
public final class DeployDirectory {

    private DeployDirectory() {
    }

    public static Path locate() {
        String configured = System.getProperty("deploy.dir");
        if (configured != null) {
            return requireDirectory(Path.of(configured));
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("deploy");
            if (Files.isDirectory(candidate.resolve("grafana"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/grafana above " + Path.of("").toAbsolutePath()
                + "; run from inside the repository or set -Ddeploy.dir");
    }

    private static Path requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("-Ddeploy.dir=" + directory + " is not a directory");
        }
        return directory;
    }
}
