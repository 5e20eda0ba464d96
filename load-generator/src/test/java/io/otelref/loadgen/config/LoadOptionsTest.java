package io.otelref.loadgen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A run built in code is the run its printed command line makes: code and command line cannot drift apart. */
class LoadOptionsTest {

    private static final URI CHECKOUT = URI.create("http://127.0.0.1:8080");
    private static final LoadOptions PLAIN = LoadOptions.openModel(CHECKOUT, 8, Duration.ofSeconds(20), Optional.empty(), 42);

    @Test
    void aPlainRunsCommandLineNamesOnlyWhatEveryRunNeeds() {
        assertEquals(List.of("--target", "http://127.0.0.1:8080", "--rate", "8.0", "--duration", "20s", "--seed", "42"),
                PLAIN.commandLine());
    }

    @Test
    void everyRunBuiltInCodeParsesBackFromItsCommandLine() throws UsageException {
        LoadOptions shaped = LoadOptions.openModel(CHECKOUT, 12.5, Duration.ofMinutes(2),
                        Optional.of(URI.create("http://127.0.0.1:4318")), -7)
                .withItems(3, 6).withHotAccounts(1, 0.9).withSampleRatio(0.05);
        LoadOptions everything = new LoadOptions(CHECKOUT, 3, Duration.ofSeconds(5), Duration.ofMillis(1500), 64,
                Duration.ofMillis(750), 4, 0.5, 2, 2, 0.1, 3, Optional.of(Duration.ofMillis(400)), Optional.of(0.01),
                Optional.of(Path.of("run.json")), Optional.of(Path.of("run.html")), Optional.empty(), 0.5, 9);

        for (LoadOptions run : List.of(PLAIN, shaped, everything)) {
            assertEquals(Optional.of(run), LoadOptionsParser.parse(run.commandLine()), () -> String.join(" ", run.commandLine()));
        }
    }

    @Test
    void aWitherRefusesWhatTheCommandLineWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> PLAIN.withItems(4, 2));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.withItems(1, LoadOptions.SKUS + 1));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.withHotAccounts(0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.withSampleRatio(1.5));
    }
}
