package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordReplies.answer;
import static io.runbookbot.discord.DiscordReplies.buttons;
import static io.runbookbot.discord.DiscordReplies.hit;
import static io.runbookbot.discord.DiscordReplies.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.SectionAnswers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** How a section answer, its buttons, a no-match reply and plain text look in Discord. */
class DiscordAnswerLayoutTest {
    private final ButtonActions actions = new ButtonActions(100);
    private final DiscordAnswerFormatter formatter = new DiscordAnswerFormatter(actions);

    @Test
    void showsHeadingPathSourceLinesAndConfidenceAndLeavesAShortSectionWhole() {
        MessageEmbed embed = single(formatter.format(
                        answer("#### Too Many Connections\n\nRaise max_connections.", List.of(), Optional.empty())))
                .getEmbeds()
                .get(0);

        assertThat(embed.getTitle()).isEqualTo("Guide › Database › Too Many Connections");
        assertThat(embed.getDescription()).isEqualTo("Raise max_connections.");
        assertThat(embed.getFooter().getText())
                .isEqualTo("ops/database.md:10-40 · confidence High · match 1 of 2\nAsked: q");
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getValue)
                .containsExactly("• Guide › Redis › Max Clients — `ops/redis.md:5`");
    }

    @Test
    void aPrivateLongAnswerWithASourceUrlKeepsEveryButtonInRowsOfFive() {
        String url = "https://git.example.com/ops/blob/main/ops/database.md#L10";
        MessageCreateData message = single(formatter.privately(
                answer("Raise max_connections.\n\n" + "More text here. ".repeat(300), List.of(), Optional.of(url))));

        assertThat(message.getComponents())
                .allSatisfy(row -> assertThat(row.asActionRow().getButtons()).hasSizeLessThanOrEqualTo(5));
        assertThat(buttons(message))
                .extracting(Button::getLabel)
                .containsExactly(
                        "Share in channel",
                        "Show full section",
                        "Next match",
                        "Open runbook",
                        "Helpful",
                        "Not helpful");
        assertThat(buttons(message).get(3).getUrl()).isEqualTo(url);
    }

    @Test
    void aLowConfidenceAnswerSaysItMayNotBeTheRightSectionAndOffersTheOthersAsDidYouMean() {
        BotReply.SectionAnswer a = answer("Raise max_connections.", List.of(), Optional.empty());
        BotReply.SectionAnswer low = new BotReply.SectionAnswer(
                a.question(), 0, a.shown(), a.others(), List.of(), Optional.empty(), Confidence.LOW);

        MessageEmbed embed = single(formatter.format(low)).getEmbeds().get(0);

        assertThat(embed.getFooter().getText()).contains("confidence Low: may not be the right section");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Did you mean");
    }

    @Test
    void offersRunNextMatchAndFeedbackButtonsWithShortIdsThatMapBackToRequests() {
        DiagnosticSuggestion port =
                new DiagnosticSuggestion("listening-port", "port", Map.of("port", "8000"), "lsof -i :8000", 12);
        DiagnosticSuggestion log = new DiagnosticSuggestion(
                "log-tail",
                "tail",
                Map.of("lines", "50", "file", "/var/log/" + "very-long-folder-name/".repeat(5) + "app.log"),
                "tail -n 50 ...",
                14);
        List<Button> buttons = buttons(single(formatter.format(answer("text", List.of(port, log), Optional.empty()))));

        // the log-tail run does not fit a 100-character id: no button that would need the bot's
        // memory (and expire at a restart); its command stays in the Diagnostics field
        assertThat(buttons)
                .extracting(Button::getLabel)
                .containsExactly("Run listening-port port=8000", "Next match", "Helpful", "Not helpful");
        assertThat(buttons).allSatisfy(b -> assertThat(b.getCustomId()).hasSizeLessThanOrEqualTo(100));
        assertThat(buttons.get(0).getCustomId()).isEqualTo("cmd:run listening-port port=8000 on local");
        assertThat(actions.remembered()).isZero();
        assertThat(buttons.get(1).getCustomId()).isEqualTo("q:next:1");
        assertThat(buttons.get(2).getCustomId()).isEqualTo("q:vote:+:ops/database.md:10");
        assertThat(actions.requestFor(buttons.get(1).getCustomId(), Optional.of("q")))
                .contains(new BotRequest.NextMatch("q", 1));
        assertThat(actions.requestFor(buttons.get(2).getCustomId(), Optional.of("q")))
                .contains(new BotRequest.Feedback("q", "ops/database.md:10", true));
        assertThat(new ButtonActions(100).requestFor(buttons.get(1).getCustomId(), Optional.of("q")))
                .as("another bot process (after a restart) reads the same request")
                .contains(new BotRequest.NextMatch("q", 1));
        assertThat(actions.requestFor(buttons.get(1).getCustomId(), Optional.empty()))
                .as("no question on the message, nothing to ask")
                .isEmpty();
        MessageEmbed embed = single(formatter.format(answer("text", List.of(port), Optional.empty())))
                .getEmbeds()
                .get(0);
        assertThat(embed.getFields().get(0).getName()).isEqualTo("Diagnostics");
        assertThat(embed.getFields().get(0).getValue())
                .as("chat syntax, not the command line's")
                .isEqualTo("`/runbook run check:listening-port params:port=8000` (line 12)");
    }

    @Test
    void showsTheLabelledSummaryAsAQuoteAboveTheSectionText() {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer("#### Too Many Connections\n\nRaise max_connections.", List.of(), Optional.empty()),
                new Summary("Raise `max_connections`.\nThen reload.", "llama3.1", true),
                List.of());

        MessageEmbed embed = single(formatter.format(a)).getEmbeds().get(0);

        assertThat(embed.getDescription())
                .isEqualTo("**\u2728 Generated summary (llama3.1, from this section only; "
                        + "check it against the text below)**\n> Raise `max_connections`.\n> Then reload.\n\n"
                        + "Raise max_connections.");
    }

    @Test
    void showsNoticesAsAnItalicLineFirst() {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer("Raise max_connections.", List.of(), Optional.empty()),
                null,
                List.of("Semantic search unavailable (Ollama did not answer); keyword results."));

        MessageEmbed embed = single(formatter.format(a)).getEmbeds().get(0);

        assertThat(embed.getDescription())
                .isEqualTo("*\u2139\ufe0f Semantic search unavailable (Ollama did not "
                        + "answer); keyword results.*\n\nRaise max_connections.");
    }

    @Test
    void plainTextAnswerAndNoMatchCarryTheSummaryAndNotices() {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer("Raise max_connections.", List.of(), Optional.empty()),
                new Summary("Raise it.", "llama3.1", true),
                List.of("Keyword results only."));

        assertThat(formatter.plain(a).get(0))
                .contains("*\u2139\ufe0f Keyword results only.*\n\n**\u2728 Generated "
                        + "summary (llama3.1, from this section only; check it against the text below)**\n> Raise it.\n\n"
                        + "Raise max_connections.");
        assertThat(formatter
                        .plain(new BotReply.NoMatch("lunch?", List.of(), List.of("Keyword results only.")))
                        .get(0))
                .startsWith("*\u2139\ufe0f Keyword results only.*\n\nNo runbook matches \"lunch?\".");
    }

    @Test
    void saysNoRunbookMatchesAndListsTheWeakCandidates() {
        List<MessageCreateData> reply = formatter.format(new BotReply.NoMatch(
                "ClickHouse too many parts", List.of(hit("Redis", "Max Clients", "ops/redis.md", 5))));

        assertThat(single(reply).getContent())
                .isEqualTo("No runbook matches \"ClickHouse too many parts\". Try the"
                        + " exact error line, or other words.\n\nClosest sections (low confidence):\n"
                        + "• Guide › Redis › Max Clients — `ops/redis.md:5`");
    }

    @Test
    void neverPingsAnyoneWhateverTheRunbookSays() {
        MessageCreateData message = single(formatter.format(new BotReply.Text("@everyone the database is down")));

        assertThat(message.getAllowedMentions()).isEmpty();
    }
}
