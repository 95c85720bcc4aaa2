package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Discord rendering without JDA sessions: limits, fences, buttons. */
class DiscordAnswerFormatterTest {
    private final ButtonActions actions = new ButtonActions(100);
    private final DiscordAnswerFormatter formatter = new DiscordAnswerFormatter(actions);

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
    void aLowConfidenceAnswerSaysItMayNotBeTheRightSectionAndOffersTheOthersAsDidYouMean() {
        BotReply.SectionAnswer a = answer("Raise max_connections.", List.of(), Optional.empty());
        BotReply.SectionAnswer low = new BotReply.SectionAnswer(
                a.question(), 0, a.shown(), a.others(), List.of(), Optional.empty(), Confidence.LOW);

        MessageEmbed embed = single(formatter.format(low)).getEmbeds().get(0);

        assertThat(embed.getFooter().getText()).contains("confidence Low: may not be the right section");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Did you mean");
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
    void showsHeadingPathSourceLinesAndConfidenceAndLeavesAShortSectionWhole() {
        MessageEmbed embed = single(formatter.format(
                        answer("#### Too Many Connections\n\nRaise max_connections.", List.of(), Optional.empty())))
                .getEmbeds()
                .get(0);

        assertThat(embed.getTitle()).isEqualTo("Guide › Database › Too Many Connections");
        assertThat(embed.getDescription()).isEqualTo("Raise max_connections.");
        assertThat(embed.getFooter().getText()).isEqualTo("ops/database.md:10-40 · confidence High · match 1 of 2");
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getValue)
                .containsExactly("• Guide › Redis › Max Clients — `ops/redis.md:5`");
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

        assertThat(buttons)
                .extracting(Button::getLabel)
                .containsExactly(
                        "Run listening-port port=8000",
                        buttons.get(1).getLabel(),
                        "Next match",
                        "Helpful",
                        "Not helpful");
        assertThat(buttons).allSatisfy(b -> assertThat(b.getCustomId()).hasSizeLessThanOrEqualTo(100));
        assertThat(buttons.get(0).getCustomId()).isEqualTo("cmd:run listening-port port=8000 on local");
        assertThat(actions.requestFor(buttons.get(1).getCustomId()))
                .contains(new BotRequest.RunDiagnostic(Diagnostics.LOCAL, "log-tail", log.params()));
        assertThat(actions.requestFor(buttons.get(2).getCustomId())).contains(new BotRequest.NextMatch("q", 1));
        assertThat(actions.requestFor(buttons.get(3).getCustomId()))
                .contains(new BotRequest.Feedback("q", "ops/database.md:10", true));
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
    void showsDiagnosticOutputInACodeBlockCutToOneMessage() {
        DiagnosticReport report = new DiagnosticReport.Ran(
                "ran",
                new DiagnosticCall("web-1", "disk-usage", Map.of()),
                0,
                "/dev/sda1 50% /\n".repeat(1000) + "```",
                "",
                true,
                false,
                42);

        String content =
                single(formatter.format(new BotReply.Diagnostic(report))).getContent();

        assertThat(content)
                .startsWith("`disk-usage` on `web-1`: exit code 0, 42 ms (output cut at the allowlist's cap)\n```\n")
                .endsWith("… output cut; run it on the host for the rest.")
                .hasSizeLessThanOrEqualTo(2000);
        assertThat(fences(content) % 2).isZero();
    }

    @Test
    void asksForConfirmationWithAConfirmButtonAndShowsRefusalsAsText() {
        DiagnosticCall restart = new DiagnosticCall("local", "restart", Map.of());
        DiagnosticReport pending =
                new DiagnosticReport.NeedsConfirmation("restart changes something", restart, "tok123");
        MessageCreateData asked = single(formatter.format(new BotReply.Diagnostic(pending)));
        MessageCreateData denied = single(formatter.format(new BotReply.Diagnostic(new DiagnosticReport.Refused(
                DiagnosticReport.Refused.Reason.DENIED, "You are not allowed to run restart.", restart))));

        assertThat(asked.getContent()).isEqualTo("restart changes something");
        assertThat(buttons(asked)).extracting(Button::getLabel).containsExactly("Confirm");
        assertThat(actions.requestFor(buttons(asked).get(0).getCustomId())).contains(new BotRequest.Confirm("tok123"));
        assertThat(denied.getContent()).isEqualTo("You are not allowed to run restart.");
        assertThat(denied.getComponents()).isEmpty();
    }

    @Test
    void showsTheLabelledSummaryAsAQuoteAboveTheSectionText() {
        BotReply.SectionAnswer a = with(
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
        BotReply.SectionAnswer a = with(
                answer("Raise max_connections.", List.of(), Optional.empty()),
                null,
                List.of("Semantic search unavailable (Ollama did not answer); keyword results."));

        MessageEmbed embed = single(formatter.format(a)).getEmbeds().get(0);

        assertThat(embed.getDescription())
                .isEqualTo("*\u2139\ufe0f Semantic search unavailable (Ollama did not "
                        + "answer); keyword results.*\n\nRaise max_connections.");
    }

    @Test
    void aLongSectionWithSummaryAndNoticesStaysWithinTheEmbedLimits() {
        BotReply.SectionAnswer a = with(
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
    void plainTextAnswerAndNoMatchCarryTheSummaryAndNotices() {
        BotReply.SectionAnswer a = with(
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
    void neverPingsAnyoneWhateverTheRunbookSays() {
        MessageCreateData message = single(formatter.format(new BotReply.Text("@everyone the database is down")));

        assertThat(message.getAllowedMentions()).isEmpty();
    }

    static BotReply.SectionAnswer answer(String text, List<DiagnosticSuggestion> suggestions, Optional<String> url) {
        RunbookSection shown = new RunbookSection(
                "ops/database.md",
                "Guide",
                "Too Many Connections",
                List.of("Guide", "Database", "Too Many Connections"),
                4,
                10,
                40,
                text,
                List.of());
        return new BotReply.SectionAnswer(
                "q",
                0,
                new SectionHit(shown, 9.5),
                List.of(hit("Redis", "Max Clients", "ops/redis.md", 5)),
                suggestions,
                url,
                Confidence.HIGH);
    }

    private static BotReply.SectionAnswer with(
            BotReply.SectionAnswer a, @Nullable Summary summary, List<String> notices) {
        return new BotReply.SectionAnswer(
                a.question(),
                a.index(),
                a.shown(),
                a.others(),
                a.suggestions(),
                a.sourceUrl(),
                a.confidence(),
                a.runOn(),
                Optional.ofNullable(summary),
                notices);
    }

    private static SectionHit hit(String parent, String heading, String file, int line) {
        return new SectionHit(
                new RunbookSection(
                        file,
                        "Guide",
                        heading,
                        List.of("Guide", parent, heading),
                        3,
                        line,
                        line + 5,
                        "text",
                        List.of()),
                1.0);
    }

    /** About 10,000 characters: paragraphs and code blocks, one code block longer than a message. */
    static String longText() {
        StringBuilder text = new StringBuilder("#### Too Many Connections\n\n");
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(": check the pool size and idle clients before you restart.\n\n");
            text.append("```sql\n")
                    .append("SELECT count(*) FROM pg_stat_activity; -- step ")
                    .append(i)
                    .append('\n')
                    .append(i == 20 ? "SELECT 1;\n".repeat(300) : "")
                    .append("```\n\n");
        }
        return text.toString();
    }

    private static int fences(String text) {
        Matcher m = Pattern.compile("(?m)^```").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void investigationIsPlainTextLabelledAsGeneratedWithTheSourcesLast() {
        Investigation investigation = new Investigation(
                "disk full",
                "Clean /var/log, @everyone.",
                List.of("runbook ops/disk.md:3-9 (Disk › Full)"),
                "llama3.2");

        MessageCreateData message = single(formatter.format(new BotReply.Investigated(investigation)));

        assertThat(message.getContent())
                .startsWith("Investigation of \"disk full\"\n(Generated by llama3.2")
                .contains("Clean /var/log, @everyone.")
                .endsWith(
                        "Sources (recorded by the bot from the tool calls it ran):\n• runbook ops/disk.md:3-9 (Disk › Full)");
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    private static MessageCreateData single(List<MessageCreateData> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static List<Button> buttons(MessageCreateData message) {
        return message.getComponents().stream()
                .flatMap(c -> c.asActionRow().getButtons().stream())
                .toList();
    }
}
