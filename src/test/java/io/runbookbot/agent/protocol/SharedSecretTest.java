package io.runbookbot.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedSecretTest {
    private static final String KEY = "k".repeat(32);

    @TempDir
    Path dir;

    @Test
    void refusesSecretsShorterThan32Bytes() {
        assertThatThrownBy(() -> SharedSecret.ofText("short-secret", "test"))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("shorter than 32 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void readsTheNamedEnvironmentVariable() {
        SharedSecret s = SharedSecret.fromEnv(
                "X", n -> java.util.Optional.ofNullable(Map.of("X", KEY + "\n").get(n)));
        assertThat(s.key()).hasSize(32);
    }

    @Test
    void namesTheMissingVariable() {
        assertThatThrownBy(() -> SharedSecret.fromEnv("AGENT_KEY", n -> Optional.empty()))
                .hasMessage("environment variable AGENT_KEY is not set");
    }

    @Test
    void readsAnOwnerOnlyFileWithoutItsTrailingNewline() throws Exception {
        Path file = secretFile("rw-------", KEY + "\n");
        assertThat(SharedSecret.fromFile(file).key()).hasSize(32);
    }

    @Test
    void refusesAFileThatGroupOrOthersCanRead() throws Exception {
        Path file = secretFile("rw-r--r--", KEY);
        assertThatThrownBy(() -> SharedSecret.fromFile(file))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("accessible by group or others")
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void prefersTheFileOverTheEnvironment() throws Exception {
        Path file = secretFile("rw-------", "f".repeat(40));
        SharedSecret s = SharedSecret.fromFileOrEnv(Optional.of(file), "X", n -> Optional.of(KEY));
        assertThat(s.key()).hasSize(40);
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(SharedSecret.ofText(KEY, "test").toString()).isEqualTo("SharedSecret[redacted]");
    }

    private Path secretFile(String perms, String content) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }
}
