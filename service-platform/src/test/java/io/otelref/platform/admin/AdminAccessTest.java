package io.otelref.platform.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccessTest {

    @TempDir
    Path directory;

    @Test
    void noTokenAndNoFileLeavesTheAdminApiOff() {
        assertTrue(AdminAccess.configuredToken(Optional.empty(), Optional.empty()).isEmpty());
        assertTrue(AdminAccess.configuredToken(Optional.of("  "), Optional.empty()).isEmpty());
    }

    @Test
    void aGeneratedTokenFileIsReadWithoutItsLineEnd() throws IOException {
        Path file = Files.writeString(directory.resolve("admin-token"), "3f9c2a\n");
        assertEquals(Optional.of("3f9c2a"), AdminAccess.configuredToken(Optional.empty(), Optional.of(file)));
    }

    @Test
    void anExplicitTokenWinsOverTheFile() throws IOException {
        Path file = Files.writeString(directory.resolve("admin-token"), "from-file");
        assertEquals(Optional.of("explicit"), AdminAccess.configuredToken(Optional.of("explicit"), Optional.of(file)));
    }

    @Test
    void aConfiguredFileThatIsMissingOrEmptyStopsTheStart() throws IOException {
        assertThrows(UncheckedIOException.class,
                () -> AdminAccess.configuredToken(Optional.empty(), Optional.of(directory.resolve("absent"))));
        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        assertThrows(IllegalStateException.class, () -> AdminAccess.configuredToken(Optional.empty(), Optional.of(empty)));
    }
}
