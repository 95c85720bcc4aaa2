package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Walks the settings table ({@link Setting}) and proves that every setting means the same in every
 * command that takes it: each command resolves it from the environment, from its {@code --config}
 * file and from its flag to the same value, with flag over environment over file, and its help names
 * the variable. Secrets have no flag anywhere and are refused in a config file.
 */
class SettingsTableTest {
    /** The commands that take settings, with the arguments each needs to parse. */
    private static final Map<String, List<String>> COMMANDS = Map.of(
            "ask",
            List.of("q"),
            "search",
            List.of("--jsonl"),
            "eval",
            List.of("--questions", "q.jsonl"),
            "bench",
            List.of("--questions", "q.jsonl"),
            "run",
            List.of("memory"),
            "diagnostics",
            List.of(),
            "investigate",
            List.of("s"),
            "serve",
            List.of());

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void files() throws IOException {
        for (String f : List.of("env", "file", "flag")) {
            Files.writeString(dir.resolve(f), "x");
        }
    }

    /** Three different valid values of a setting: as the environment, the config file and the flag give it. */
    private List<String> samples(Setting s) {
        return switch (s.kind()) {
            case TEXT, MODEL -> List.of("e-1", "f-2", "g-3");
            case PATH, FILE ->
                List.of(
                        dir.resolve("env").toString(),
                        dir.resolve("file").toString(),
                        dir.resolve("flag").toString());
            case BYTES -> List.of("1000", "2000", "3000");
            case PORT -> List.of("1001", "1002", "0");
            case BIND -> List.of("127.0.0.2", "0.0.0.0", "::1");
            case SECONDS -> List.of("5", "0.5", "600");
            case HTTP_URL -> List.of("http://env:1", "https://file:2", "http://flag:3");
            case URL_PREFIX -> List.of("http://env:1/api/", "https://file:2/api/", "http://flag:3/");
            case CHANNELS -> List.of("C1", "C2,inc-*", "C3");
            case SLACK_BOT_TOKEN -> List.of("xoxb-1-env", "xoxb-2-file");
            case SLACK_APP_TOKEN -> List.of("xapp-1-env", "xapp-2-file");
            case SIGNING_SECRET -> List.of("secret-env", "secret-file");
            case DISCORD_TOKEN ->
                List.of(
                        "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz",
                        "MTAyMzQ1Njc4OTAxMjM0NTY3OQ.GxYzAc.abcdefghijklmnop_qrstuvwxyy");
        };
    }

    /** What a command resolves the setting to, after parsing these arguments over the environment. */
    private Object resolve(String command, Setting s, List<String> extra) {
        CommandLine root = Main.commandLine(name -> Optional.ofNullable(env.get(name)));
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(extra);
        args.addAll(COMMANDS.get(command));
        root.parseArgs(args.toArray(String[]::new));
        CommandLine sub = root.getSubcommands().get(command);
        return comparable(SettingOptions.values(sub.getCommandSpec(), name -> Optional.ofNullable(env.get(name)))
                .get(s, Object.class)
                .orElse("(unset)"));
    }

    private static Object comparable(Object value) {
        return value instanceof Secret secret ? secret.reveal() : value;
    }

    private Path config(Setting s, String value) throws IOException {
        return Files.writeString(dir.resolve("config-" + s + ".yaml"), s.variable() + ": \"" + value + "\"\n");
    }

    @Test
    void everyCommandTakesTheTableSettingsFromEnvironmentConfigFileAndFlagAlike() throws IOException {
        int checked = 0;
        for (Setting s : Setting.values()) {
            assertThat(Settings.of("serve")).as("serve takes every setting").contains(s);
            List<String> v = samples(s);
            Object fromEnv = comparable(s.kind().parse(v.get(0)));
            Object fromFile = comparable(s.kind().parse(v.get(1)));
            for (String command : COMMANDS.keySet()) {
                if (!s.takenBy(command)) {
                    continue;
                }
                String where = command + " / " + s.variable();
                env.clear();
                env.put(s.variable(), v.get(0));
                assertThat(resolve(command, s, List.of()))
                        .as(where + " from the environment")
                        .isEqualTo(fromEnv);
                if (s.secret()) {
                    env.clear();
                    env.put(
                            s.variable() + "_FILE",
                            Files.writeString(dir.resolve("mounted"), v.get(1) + "\n")
                                    .toString());
                    assertThat(resolve(command, s, List.of()))
                            .as(where + " from NAME_FILE")
                            .isEqualTo(fromFile);
                    continue;
                }
                String file = config(s, v.get(1)).toString();
                assertThat(resolve(command, s, List.of("--config", file)))
                        .as(where + ": environment over --config")
                        .isEqualTo(fromEnv);
                env.clear();
                assertThat(resolve(command, s, List.of("--config", file)))
                        .as(where + " from --config")
                        .isEqualTo(fromFile);
                env.put(s.variable(), v.get(0));
                assertThat(resolve(
                                command, s, List.of("--config", file, s.flag().orElseThrow(), v.get(2))))
                        .as(where + ": flag over environment and --config")
                        .isEqualTo(comparable(s.kind().parse(v.get(2))));
                checked++;
            }
        }
        assertThat(checked).as("flag settings checked across commands").isGreaterThan(60);
    }

    @Test
    void everyCommandsHelpShowsEachOfItsSettingsWithItsVariable() {
        CommandLine cli = Main.commandLine(name -> Optional.empty());
        for (String command : COMMANDS.keySet()) {
            String usage = cli.getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (Setting s : Settings.of(command)) {
                assertThat(usage).as(command + " --help").contains(s.variable());
                s.flag()
                        .ifPresent(flag ->
                                assertThat(usage).as(command + " --help").contains(flag));
            }
            assertThat(usage).as(command + " --help").contains("--config");
        }
    }

    @Test
    void secretsHaveNoFlagInAnyCommandAndAreRefusedInAConfigFile() throws IOException {
        CommandLine cli = Main.commandLine(name -> Optional.empty());
        for (Setting s : Setting.values()) {
            assertThat(s.flag().isEmpty())
                    .as(s.variable() + " is a secret iff it has no flag")
                    .isEqualTo(s.secret());
            if (s.secret()) {
                cli.getSubcommands()
                        .values()
                        .forEach(sub -> assertThat(sub.getCommandSpec().options())
                                .noneMatch(o -> o.longestName()
                                        .contains(s.variable().toLowerCase().replace('_', '-'))));
                Path file = config(s, samples(s).get(0));
                assertThatThrownBy(() -> SettingValues.of(name -> Optional.empty(), Optional.of(file), Map.of()))
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining(s.variable())
                        .hasMessageNotContaining(samples(s).get(0));
            }
        }
    }

    @Test
    void badValuesAreRejectedNamingWhereTheyCameFrom() throws IOException {
        env.put("RUNBOOK_BOT_OLLAMA_TIMEOUT", "0");
        SettingValues fromEnv =
                SettingValues.of(name -> Optional.ofNullable(env.get(name)), Optional.empty(), Map.of());
        assertThatThrownBy(() -> fromEnv.value(Setting.OLLAMA_TIMEOUT, Object.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("RUNBOOK_BOT_OLLAMA_TIMEOUT: \"0\" is not a number of seconds");
        SettingValues fromFlag =
                SettingValues.of(name -> Optional.empty(), Optional.empty(), Map.of(Setting.OLLAMA_TIMEOUT, "-3"));
        assertThatThrownBy(() -> fromFlag.value(Setting.OLLAMA_TIMEOUT, Object.class))
                .hasMessageStartingWith("--ollama-timeout: \"-3\" is not a number of seconds");
        Path file = config(Setting.HTTP_PORT, "eighty");
        SettingValues fromFile = SettingValues.of(name -> Optional.empty(), Optional.of(file), Map.of());
        assertThatThrownBy(() -> fromFile.value(Setting.HTTP_PORT, Object.class))
                .hasMessageStartingWith("RUNBOOK_BOT_HTTP_PORT in " + file + ": \"eighty\" is not a port number");
    }
}
