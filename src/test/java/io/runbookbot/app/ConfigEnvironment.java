package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment the config loader tests load {@link BotConfig} from: a map of variables that
 * starts with {@code RUNBOOK_BOT_RUNBOOKS} naming an existing runbooks folder under a test's
 * temporary directory.
 */
final class ConfigEnvironment {
    static final String BOT = "xoxb-1234-5678-abcdef";
    static final String APP = "xapp-1-A1-secretpart";
    static final String DISCORD = "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz";

    private final Path runbooks;
    private final Map<String, String> env = new HashMap<>();

    ConfigEnvironment(Path dir) throws IOException {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        env.put("RUNBOOK_BOT_RUNBOOKS", runbooks.toString());
    }

    Path runbooks() {
        return runbooks;
    }

    void put(String name, String value) {
        env.put(name, value);
    }

    void putAll(Map<String, String> variables) {
        env.putAll(variables);
    }

    void remove(String name) {
        env.remove(name);
    }

    BotConfig load() {
        return load(Optional.empty());
    }

    /** Loads with a {@code --config} file, whose settings the environment overrides. */
    BotConfig load(Optional<Path> configFile) {
        return BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), configFile);
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
