package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real browser for the suite's checks of the web UIs a trainee opens (Zipkin's, VictoriaLogs's): Debian's
 * Chromium, headless, which {@code ./demo test} installs.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    /**
     * The page's DOM after its scripts ran. The flags keep a root Chromium off the network this machine does not
     * have (background services, updates, sync) and give a single-page app 15 s of virtual time to fetch and
     * render; the window is tall because list views render only the rows in view (Zipkin's span list, at a
     * laptop's height, shows the first eight: checkout's own spans).
     */
    static String renderedPage(URI url) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: ./demo test installs Debian's chromium package");
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,8000", "--virtual-time-budget=15000",
                    "--dump-dom", url.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium did not finish within 60 s");
            assertEquals(0, chromium.exitValue(), "chromium failed on " + url);
            return dom;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
