package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the config loader tests share: an environment (a map of variables) that starts with {@code
 * RUNBOOK_BOT_RUNBOOKS} naming an existing runbooks folder under the test's temporary directory,
 * and loading {@link BotConfig} or serve's start-up summary from it.
 */
abstract class BotConfigFixture {
    static final String BOT = "xoxb-1234-5678-abcdef";
    static final String APP = "xapp-1-A1-secretpart";
    static final String DISCORD = "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz";

    @TempDir
    Path dir;

    Path runbooks;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void folder() throws IOException {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        env.put("RUNBOOK_BOT_RUNBOOKS", runbooks.toString());
    }

    BotConfig load() {
        return BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.empty());
    }

    /** The start-up summary of serve over the same environment. */
    List<String> summary() {
        return SettingValues.of(name -> Optional.ofNullable(env.get(name)), Optional.empty(), Map.of())
                .summary("serve");
    }

    /** Loading fails with a message that names the variable and does not show the secret. */
    void assertRejected(String variable, String secretValue) {
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable)
                .hasMessageNotContaining(secretValue);
    }
}
