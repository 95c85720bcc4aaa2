package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.chat.BotReply;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.security.SecretRunbook;
import java.nio.file.Path;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, item 8: the Discord embed and its plain-text form show no secret of a runbook's headings or body. */
class DiscordRedactionTest {
    private final DiscordAnswerFormatter formatter = new DiscordAnswerFormatter(new ButtonActions(100));

    @TempDir
    Path dir;

    @Test
    void embedTitleDescriptionAndPlainTextShowTheHeadingWithItsSecretMasked() {
        try (IndexedRunbooks runbooks = SecretRunbook.indexed(dir)) {
            BotReply reply = SecretRunbook.reply(runbooks, "orders database connection refused check");

            MessageCreateData message = formatter.format(reply).get(0);
            MessageEmbed embed = message.getEmbeds().get(0);
            String plain = String.join("\n", formatter.plain(reply));
            String shown = embed.toData().toString() + message.getContent() + plain;

            assertThat(embed.getTitle()).isEqualTo("Orders database › Check with PASSWORD=****");
            assertThat(plain).startsWith("**Orders database › Check with PASSWORD=****");
            for (String secret : SecretRunbook.SECRETS) {
                assertThat(shown).doesNotContain(secret);
            }
        }
    }
}
