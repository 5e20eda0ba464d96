package io.otelref.scenarios.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEndpointsTest {

    @TempDir
    Path directory;

    @Test
    void theAdminTokenComesFromTheVariableOrElseFromTheFileComposeGenerates() throws IOException {
        Path file = Files.writeString(directory.resolve("admin-token"), "generated\n");
        assertEquals(Optional.of("generated"),
                StackEndpoints.from(Map.of("PLATFORM_ADMIN_TOKEN", "", "PLATFORM_ADMIN_TOKEN_FILE", file.toString())).adminToken());
        assertEquals(Optional.of("exported"),
                StackEndpoints.from(Map.of("PLATFORM_ADMIN_TOKEN", "exported", "PLATFORM_ADMIN_TOKEN_FILE", file.toString()))
                        .adminToken());
        assertEquals(Optional.empty(), StackEndpoints.from(Map.of()).adminToken());
    }
}
