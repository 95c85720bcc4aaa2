package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aSettingGivenTwiceIsRefusedNamingTheLineInsteadOfTheLastOneWinning() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bot.yaml"), "RUNBOOK_BOT_HTTP_PORT: 8080\nRUNBOOK_BOT_HTTP_PORT: 9090\n");

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--config " + file + ": not valid YAML near line 2 (a setting given twice)");
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        assertThat(ConfigFile.read(Files.writeString(dir.resolve("empty.yaml"), "")))
                .isEmpty();
    }
}
