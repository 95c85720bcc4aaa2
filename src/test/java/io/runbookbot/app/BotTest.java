package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.cli.TerminalBot;
import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotTest {
    @TempDir
    Path dir;

    /** The engine is platform-neutral; the bot, which owns the settings table, names what to set. */
    @Test
    void investigateWithoutAChatModelSaysWhichSettingsToSet() throws Exception {
        Map<String, String> env = Map.of(
                Setting.RUNBOOKS.variable(),
                Path.of("runbooks").toAbsolutePath().toString(),
                Setting.AUDIT_LOG.variable(),
                dir.resolve("audit.jsonl").toString(),
                Setting.INVESTIGATION_LOG.variable(),
                dir.resolve("investigations.jsonl").toString());
        BotConfig config = BotConfigLoader.terminal(
                SettingValues.of(name -> Optional.ofNullable(env.get(name)), Optional.empty(), Map.of()));
        try (Bot bot = Bot.open(
                config,
                name -> Optional.ofNullable(env.get(name)),
                Bot.Profile.terminal(new TerminalBot.Needs(false, 5, false, true, 4)))) {
            BotReply reply = bot.engine()
                    .reply(Caller.LOCAL_OPERATOR, new BotRequest.Investigate("disk full"))
                    .get(10, TimeUnit.SECONDS);

            assertThat(reply)
                    .isInstanceOfSatisfying(
                            BotReply.Text.class,
                            text -> assertThat(text.text())
                                    .contains("needs a chat model")
                                    .contains(Setting.OLLAMA_URL.variable())
                                    .contains(Setting.CHAT_MODEL.variable()));
        }
    }
}
