package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordReplies.answer;
import static io.runbookbot.discord.DiscordReplies.fences;
import static io.runbookbot.discord.DiscordReplies.longText;
import static io.runbookbot.discord.DiscordReplies.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.SectionAnswers;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Discord's limits: embed description and total length, 2000-character messages, balanced code fences. */
class DiscordAnswerLimitsTest {
    private final DiscordAnswerFormatter formatter = new DiscordAnswerFormatter(new ButtonActions(100));

    @Test
    void cutsATenThousandCharacterSectionToTheEmbedLimitWithoutBreakingACodeBlock() {
        MessageEmbed embed = single(formatter.format(answer(longText(), List.of(), Optional.empty())))
                .getEmbeds()
                .get(0);

        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
                .endsWith("… full runbook: `ops/database.md:10`");
        assertThat(fences(embed.getDescription()) % 2).isZero();
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
    }

    @Test
    void linksTheFullRunbookWithTheSourceUrlWhenOneIsConfigured() {
        String url = "https://git.example.com/ops/blob/main/ops/database.md#L10";
        MessageEmbed embed = single(formatter.format(answer(longText(), List.of(), Optional.of(url))))
                .getEmbeds()
                .get(0);

        assertThat(embed.getDescription()).endsWith("… full runbook: " + url);
        assertThat(embed.getUrl()).isEqualTo(url);
    }

    @Test
    void aLongSectionWithSummaryAndNoticesStaysWithinTheEmbedLimits() {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer(longText(), List.of(), Optional.empty()),
                new Summary("Check the pool. ".repeat(100), "llama3.1", true),
                List.of("x".repeat(1000)));

        MessageEmbed embed = single(formatter.format(a)).getEmbeds().get(0);

        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
                .startsWith("*\u2139\ufe0f xxx")
                .endsWith("… full runbook: `ops/database.md:10`");
        assertThat(fences(embed.getDescription()) % 2).isZero();
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
    }

    @Test
    void splitsPlainTextIntoMessagesOfAtMostTwoThousandCharactersWithBalancedFences() {
        List<String> plain = formatter.plain(answer(longText(), List.of(), Optional.empty()));
        List<MessageCreateData> text = formatter.format(new BotReply.Text(longText()));

        assertThat(plain).hasSizeGreaterThan(4).allSatisfy(m -> {
            assertThat(m).hasSizeLessThanOrEqualTo(2000);
            assertThat(fences(m) % 2).isZero();
        });
        assertThat(text)
                .hasSizeGreaterThan(4)
                .allSatisfy(m -> assertThat(m.getContent()).hasSizeLessThanOrEqualTo(2000));
    }
}
