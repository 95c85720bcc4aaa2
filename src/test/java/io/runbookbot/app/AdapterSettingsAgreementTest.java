package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.discord.DiscordSettings;
import io.runbookbot.slack.SlackSettings;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Slack and Discord settings records still guard their constructors (they are the adapters' public
 * entry points), so each value is checked twice on the way from the environment; this pins that the
 * settings table accepts exactly what the adapters accept, so the two checks cannot drift apart.
 */
class AdapterSettingsAgreementTest {
    private static final List<String> SLACK_BOT = List.of("xoxb-1-2-abc", "xoxb-", "xoxp-1-2", "xoxb-1 2", "Bot xoxb-1",
            "xoxb-1_2", "xoxb-ABC-def-123", "XOXB-1-2");
    private static final List<String> SLACK_APP = List.of("xapp-1-A-abc", "xapp-", "xoxb-1-2", "xapp-1.2", "xapp-1-2\n");
    private static final List<String> DISCORD = List.of("MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz",
            "Bot MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz", "one-part", "a.b.c",
            "MTAyMzQ1Njc4OTAxMjM0NTY3OA.Gx.abcdefghijklmnop_qrstuvwxyz", "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abc def");
    private static final List<String> SLACK_API = List.of("https://slack.com/api/", "http://127.0.0.1:1234/api/",
            "https://slack.com/api");
    private static final List<String> PORTS = List.of("0", "3000", "65535", "65536", "-1");

    private static boolean accepts(Function<String, ?> check, String value) {
        try {
            check.apply(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static SlackSettings slack(String bot, Optional<String> app, int port, String api) {
        return new SlackSettings(bot, app, Optional.of("signing"), port, InetAddress.getLoopbackAddress(), List.of(), api);
    }

    @Test
    void theTableAndTheSlackSettingsAcceptTheSameTokensPortsAndApiUrls() {
        for (String v : SLACK_BOT) {
            assertThat(accepts(SettingKind.SLACK_BOT_TOKEN::parse, v)).as("bot token %s", v)
                    .isEqualTo(accepts(x -> slack(x, Optional.empty(), 0, SlackSettings.SLACK_API), v));
        }
        for (String v : SLACK_APP) {
            assertThat(accepts(SettingKind.SLACK_APP_TOKEN::parse, v)).as("app token %s", v)
                    .isEqualTo(accepts(x -> slack("xoxb-1", Optional.of(x), 0, SlackSettings.SLACK_API), v));
        }
        for (String v : SLACK_API) {
            assertThat(accepts(SettingKind.URL_PREFIX::parse, v)).as("api url %s", v)
                    .isEqualTo(accepts(x -> slack("xoxb-1", Optional.empty(), 0, x), v));
        }
        for (String v : PORTS) {
            assertThat(accepts(SettingKind.PORT::parse, v)).as("port %s", v)
                    .isEqualTo(accepts(x -> slack("xoxb-1", Optional.empty(), Integer.parseInt(x), SlackSettings.SLACK_API), v));
        }
        assertThat(Setting.SLACK_API_URL.defaultValue()).contains(SlackSettings.SLACK_API);
    }

    @Test
    void theTableAndTheDiscordSettingsAcceptTheSameTokens() {
        for (String v : DISCORD) {
            assertThat(accepts(SettingKind.DISCORD_TOKEN::parse, v)).as("discord token %s", v)
                    .isEqualTo(accepts(DiscordSettings::of, v));
        }
    }
}
