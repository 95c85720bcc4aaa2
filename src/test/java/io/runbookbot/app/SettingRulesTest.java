package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.discord.DiscordSettings;
import io.runbookbot.slack.SlackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule on the bot's settings lives in one place: the settings table ({@link SettingKind}) for
 * single values, {@link BotConfigLoader} for the rule between Slack's settings. The adapters'
 * settings records only carry what the table checked, so no check can drift from another.
 */
class SettingRulesTest {
    private static final String BOT = "xoxb-1-2-abc";

    /** What a rule looks like in code, and the one file that may hold it. */
    private record Rule(String name, Pattern code, String home) {}

    private static final List<Rule> RULES = List.of(
            new Rule("Slack token prefixes", Pattern.compile("\"x(oxb|app)-(\\[|\")"), "app/SettingKind.java"),
            new Rule("Discord token shape", Pattern.compile("\\{16,}\\\\\\\\\\."), "app/SettingKind.java"),
            new Rule(
                    "\"Bot \" prefix refused",
                    Pattern.compile("regionMatches\\(true, 0, \"Bot \""),
                    "app/SettingKind.java"),
            new Rule("port range", Pattern.compile("65_?535"), "app/SettingKind.java"),
            new Rule("API URL ends with /", Pattern.compile("endsWith\\(\"/\"\\)"), "app/SettingKind.java"),
            new Rule(
                    "HTTP mode needs the signing secret",
                    Pattern.compile("appToken\\w*\\.isEmpty\\(\\)\\s*&&\\s*\\w*[sS]igning"),
                    "app/BotConfigLoader.java"));

    @TempDir
    Path dir;

    @Test
    void eachSettingRuleIsWrittenInExactlyOneFileOfTheBotsSettingsCode() throws IOException {
        Map<String, String> sources = botSources();
        assertThat(sources)
                .containsKeys("app/SettingKind.java", "slack/SlackSettings.java", "discord/DiscordSettings.java");
        for (Rule rule : RULES) {
            TreeSet<String> files = sources.entrySet().stream()
                    .filter(e -> rule.code().matcher(e.getValue()).find())
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(files).as(rule.name()).containsExactly(rule.home());
        }
    }

    @Test
    void theAdaptersSettingsCarryValuesWithoutCheckingThemAgain() {
        assertThat(new DiscordSettings("anything", Optional.empty(), Optional.empty()).token())
                .isEqualTo("anything");
        assertThat(new SlackSettings(
                                "xoxp-unchecked",
                                new SlackSettings.HttpMode("s", 70_000, InetAddress.getLoopbackAddress()),
                                List.of(),
                                "no-slash")
                        .apiUrlPrefix())
                .isEqualTo("no-slash");
    }

    @Test
    void slackRunsInSocketModeWithAnAppTokenElseInHttpModeWhichNeedsTheSigningSecret() {
        assertThat(slack(Map.of("SLACK_APP_TOKEN", "xapp-1-A-abc")).socketMode())
                .isTrue();
        assertThat(slack(Map.of("SLACK_APP_TOKEN", "xapp-1-A-abc", "SLACK_SIGNING_SECRET", "s3cr3t"))
                        .socketMode())
                .as("an app token wins")
                .isTrue();
        BotConfig.Slack http = slack(Map.of("SLACK_SIGNING_SECRET", "s3cr3t"));
        assertThat(http.socketMode()).isFalse();
        assertThat(http.httpPort()).isEqualTo(3000);

        assertThatThrownBy(() -> slack(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET"
                        + " (HTTP mode) is");
    }

    private BotConfig.Slack slack(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("SLACK_BOT_TOKEN", BOT);
        env.put("RUNBOOK_BOT_RUNBOOKS", dir.toString());
        return BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.empty())
                .slack()
                .orElseThrow();
    }

    /** The main sources of the packages that read or carry the bot's settings, by path under io/runbookbot. */
    private static Map<String, String> botSources() throws IOException {
        Path root = Path.of("src/main/java/io/runbookbot");
        try (Stream<Path> files = Stream.of("app", "cli", "slack", "discord").flatMap(p -> walk(root.resolve(p)))) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .collect(Collectors.toMap(
                            p -> root.relativize(p).toString().replace('\\', '/'), SettingRulesTest::read));
        }
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
