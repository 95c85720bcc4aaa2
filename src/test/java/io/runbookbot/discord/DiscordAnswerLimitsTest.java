package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordReplies.answer;
import static io.runbookbot.discord.DiscordReplies.buttons;
import static io.runbookbot.discord.DiscordReplies.fences;
import static io.runbookbot.discord.DiscordReplies.longText;
import static io.runbookbot.discord.DiscordReplies.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.ReadableSection;
import io.runbookbot.core.chat.SectionAnswers;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * Discord's limits: embed description and total length, 2000-character messages, balanced code
 * fences; a long section's first screen, then all of it when asked.
 */
class DiscordAnswerLimitsTest {
    private final DiscordAnswerFormatter formatter = new DiscordAnswerFormatter(new ButtonActions(100));

    @Test
    void aTenThousandCharacterSectionShowsItsFirstScreenAndAShowFullSectionButton() {
        MessageCreateData message = single(formatter.format(answer(longText(), List.of(), Optional.empty())));
        MessageEmbed embed = message.getEmbeds().get(0);

        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(ReadableSection.FIRST_SCREEN + 60)
                .startsWith("Paragraph 0")
                .endsWith("Show full section*");
        assertThat(fences(embed.getDescription()) % 2).isZero();
        assertThat(buttons(message)).extracting(Button::getLabel).contains("Show full section");
    }

    @Test
    void theWholeSectionComesAsTheEmbedThenMessagesWithinDiscordsLimits() {
        List<MessageCreateData> messages =
                formatter.format(SectionAnswers.whole(answer(longText(), List.of(), Optional.empty())));

        MessageEmbed embed = messages.get(0).getEmbeds().get(0);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(fences(embed.getDescription()) % 2).isZero();
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(buttons(messages.get(0))).extracting(Button::getLabel).doesNotContain("Show full section");
        assertThat(messages.subList(1, messages.size())).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getContent()).hasSizeLessThanOrEqualTo(2000);
            assertThat(fences(m.getContent()) % 2).isZero();
        });
        String text = longText();
        String lastStep = text.substring(text.lastIndexOf("-- step "), text.lastIndexOf('\n', text.length() - 6));
        assertThat(messages.get(messages.size() - 1).getContent()).contains(lastStep);
    }

    @Test
    void aWholeSectionTooLongForEightMessagesEndsWithTheSourceLink() {
        String url = "https://git.example.com/ops/blob/main/ops/database.md#L10";
        String huge = longText().repeat(6);

        List<MessageCreateData> messages =
                formatter.format(SectionAnswers.whole(answer(huge, List.of(), Optional.of(url))));

        assertThat(messages).hasSize(1 + SectionEmbed.MAX_FOLLOW_UPS);
        assertThat(messages.get(messages.size() - 1).getContent()).isEqualTo("… the rest of the section: " + url);
        assertThat(messages.get(0).getEmbeds().get(0).getUrl()).isEqualTo(url);
    }

    @Test
    void aLongSectionWithSummaryAndNoticesStaysWithinTheEmbedLimits() {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer(longText(), List.of(), Optional.empty()),
                new Summary("Check the pool. ".repeat(100), "llama3.1", true),
                List.of("x".repeat(1000)));

        for (BotReply.SectionAnswer shown : List.of(a, SectionAnswers.whole(a))) {
            MessageEmbed embed = formatter.format(shown).get(0).getEmbeds().get(0);
            assertThat(embed.getDescription())
                    .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH)
                    .startsWith("*\u2139\ufe0f xxx");
            assertThat(fences(embed.getDescription()) % 2).isZero();
            assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        }
    }

    @Test
    void splitsPlainTextIntoMessagesOfAtMostTwoThousandCharactersWithBalancedFences() {
        List<String> plain = formatter.plain(SectionAnswers.whole(answer(longText(), List.of(), Optional.empty())));
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
