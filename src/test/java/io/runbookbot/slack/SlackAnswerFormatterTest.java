package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SlackAnswerFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "https://git.example.com/ops/runbooks/blob/main/db.md#L10";

    @Test
    void tenThousandCharacterSectionIsSplitIntoBalancedSectionBlocksOfAtMost3000Characters() throws Exception {
        String text = longSection(10_000);
        JsonNode blocks = blocks(SlackAnswerFormatter.format(answer(text, Optional.empty(), List.of())));

        List<String> sections = sectionTexts(blocks);
        assertThat(blocks.size()).isLessThanOrEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(sections)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000))
                .allSatisfy(
                        s -> assertThat(fences(s) % 2).as("``` fences in %s", s).isZero());
        assertThat(String.join("\n", sections)).contains("psql -c 'select 0'", "psql -c 'select 13'", "Paragraph 13 ");
    }

    @Test
    void hugeSectionIsCutAtFiftyBlocksWithALinkToTheFullRunbook() throws Exception {
        JsonNode blocks =
                blocks(SlackAnswerFormatter.format(answer(longSection(300_000), Optional.of(URL), List.of())));

        List<String> sections = sectionTexts(blocks);
        assertThat(blocks.size()).isEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(sections).allSatisfy(s -> assertThat(fences(s) % 2).isZero());
        assertThat(sections.get(sections.size() - 2)).contains("full runbook").contains("<" + URL + "|db.md:10-900>");
    }

    @Test
    void markdownHeadingsBoldAndLinksBecomeMrkdwnWhileCodeBlocksStay() {
        String mrkdwn = SlackMarkdown.toMrkdwn("""
                ### Fix it
                **Error:** `FATAL` & see [docs](https://example.com/x)
                - first
                ```bash
                grep "a<b" **not bold**
                ```""");

        assertThat(mrkdwn).isEqualTo("""
                *Fix it*
                *Error:* `FATAL` &amp; see <https://example.com/x|docs>
                • first
                ```
                grep "a&lt;b" **not bold**
                ```""");
    }

    @Test
    void answerHasHeaderSourceConfidenceButtonsAndOtherCandidates() throws Exception {
        DiagnosticSuggestion port = new DiagnosticSuggestion(
                "listening-port", "Which process listens", Map.of("port", "8000"), "lsof -i :8000", 12);
        JsonNode blocks = blocks(SlackAnswerFormatter.format(answer("Restart it.", Optional.of(URL), List.of(port))));

        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("DB › Too Many Connections");
        JsonNode context = find(blocks, "context");
        assertThat(context.path("elements").get(0).path("text").asText())
                .isEqualTo("Source: <" + URL + "|db.md:10-900>  ·  confidence High");
        JsonNode buttons = find(blocks, "actions").path("elements");
        assertThat(StreamSupport.stream(buttons.spliterator(), false)
                        .map(b -> b.path("text").path("text").asText()))
                .containsExactly("Run listening-port", "Next match", "Helpful", "Not helpful");
        assertThat(SlackButtonValue.decode(
                        buttons.get(0).path("action_id").asText(),
                        buttons.get(0).path("value").asText()))
                .isEqualTo(new BotRequest.RunDiagnostic("local", "listening-port", Map.of("port", "8000")));
        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.NEXT, buttons.get(1).path("value").asText()))
                .isEqualTo(new BotRequest.NextMatch("too many clients", 1));
        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.NOT_HELPFUL,
                        buttons.get(3).path("value").asText()))
                .isEqualTo(new BotRequest.Feedback("too many clients", "db.md:10", false));
        assertThat(blocks.get(blocks.size() - 1).path("text").path("text").asText())
                .isEqualTo("*Other candidates*\n• DB › Pooling — `db.md:40`");
    }

    @Test
    void aLowConfidenceAnswerSaysItMayNotBeTheRightSectionAndOffersTheOthersAsDidYouMean() throws Exception {
        BotReply.SectionAnswer a = answer("Restart it.", Optional.empty(), List.of());
        BotReply.SectionAnswer low = new BotReply.SectionAnswer(
                a.question(), 0, a.shown(), a.others(), List.of(), Optional.empty(), Confidence.LOW);

        JsonNode blocks = blocks(SlackAnswerFormatter.format(low));

        assertThat(find(blocks, "context").path("elements").get(0).path("text").asText())
                .endsWith("confidence Low: may not be the right section");
        assertThat(blocks.get(blocks.size() - 1).path("text").path("text").asText())
                .isEqualTo("*Did you mean*\n• DB › Pooling — `db.md:40`");
    }

    @Test
    void buttonValuesStayUnderSlacksLimitForAVeryLongQuestion() throws Exception {
        BotReply.SectionAnswer a = answer("text", Optional.empty(), List.of());
        BotReply.SectionAnswer longQuestion = new BotReply.SectionAnswer(
                "x".repeat(5000), 0, a.shown(), a.others(), List.of(), Optional.empty(), Confidence.MEDIUM);

        JsonNode buttons = find(blocks(SlackAnswerFormatter.format(longQuestion)), "actions")
                .path("elements");

        assertThat(buttons)
                .allSatisfy(b -> assertThat(b.path("value").asText().length()).isLessThanOrEqualTo(2000));
    }

    @Test
    void noMatchSaysSoAndListsTheWeakCandidates() {
        SlackMessage m = SlackAnswerFormatter.format(new BotReply.NoMatch("lunch?", List.of(hit("Pooling", 40, ""))));

        assertThat(m.text())
                .isEqualTo("No runbook matches \"lunch?\".\nClosest, though weak:\n• DB › Pooling — `db.md:40`");
    }

    @Test
    void completedDiagnosticShowsExitCodeDurationAndOutputInACodeBlockCutToFit() throws Exception {
        String stdout = "LISTEN 0 128 0.0.0.0:8000 users:((\"uvicorn\"))\n".repeat(200);
        DiagnosticReport report = new DiagnosticReport.Ran(
                "ran",
                new DiagnosticCall("web-1", "listening-port", Map.of("port", "8000")),
                0,
                stdout,
                "",
                false,
                false,
                42);

        JsonNode blocks = blocks(SlackAnswerFormatter.format(new BotReply.Diagnostic(report)));

        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("*listening-port* on `web-1`: exit 0 in 42 ms");
        String output = blocks.get(1).path("text").path("text").asText();
        assertThat(output).startsWith("```\nLISTEN").contains("Output cut here").hasSizeLessThanOrEqualTo(3000);
        assertThat(fences(output)).isEqualTo(2);
    }

    @Test
    void diagnosticNeedingConfirmationGetsAConfirmButtonCarryingTheToken() throws Exception {
        DiagnosticReport report = new DiagnosticReport.NeedsConfirmation(
                "restart-api changes something: confirm",
                new DiagnosticCall("local", "restart-api", Map.of()),
                "tok-123");

        JsonNode button = find(blocks(SlackAnswerFormatter.format(new BotReply.Diagnostic(report))), "actions")
                .path("elements")
                .get(0);

        assertThat(button.path("action_id").asText()).isEqualTo(SlackButtonValue.CONFIRM);
        assertThat(button.path("value").asText()).isEqualTo("tok-123");
    }

    @Test
    void generatedSummaryIsLabelledAndShownAboveTheSectionText() throws Exception {
        BotReply.SectionAnswer a = withSummary(
                answer("Restart it.", Optional.empty(), List.of()),
                new Summary("Run `SELECT 1;` & reload.", "llama3.1", true),
                List.of());

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .isEqualTo(
                        "\u2728 Generated summary (llama3.1, from this section only; check it against the text below)");
        assertThat(sectionTexts(blocks)).containsSubsequence("Run `SELECT 1;` &amp; reload.", "Restart it.");
    }

    @Test
    void summarySayingTheSectionDoesNotAnswerIsLabelledTheSameWay() throws Exception {
        BotReply.SectionAnswer a = withSummary(
                answer("Restart it.", Optional.empty(), List.of()),
                new Summary("This section does not seem to answer your question.", "llama3.1", false),
                List.of());

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        assertThat(blocks.get(1).path("elements").get(0).path("text").asText()).startsWith("\u2728 Generated summary");
        assertThat(sectionTexts(blocks).get(0)).isEqualTo("This section does not seem to answer your question.");
    }

    @Test
    void noticesAreASmallContextLineUnderTheHeader() throws Exception {
        BotReply.SectionAnswer a = withSummary(
                answer("Restart it.", Optional.empty(), List.of()),
                null,
                List.of("Semantic search unavailable (Ollama did not answer); keyword results.", "a<b"));

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .isEqualTo("\u2139\ufe0f Semantic "
                        + "search unavailable (Ollama did not answer); keyword results.  ·  a&lt;b");
    }

    @Test
    void noMatchShowsItsNotices() throws Exception {
        BotReply.NoMatch none = new BotReply.NoMatch("lunch?", List.of(), List.of("Keyword results only."));

        JsonNode blocks = blocks(SlackAnswerFormatter.format(none));

        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .isEqualTo("\u2139\ufe0f Keyword results only.");
    }

    @Test
    void hugeSectionWithSummaryAndNoticesStillFitsFiftyBlocks() throws Exception {
        BotReply.SectionAnswer a = withSummary(
                answer(longSection(300_000), Optional.of(URL), List.of()),
                new Summary("Reload.", "llama3.1", true),
                List.of("Keyword results only."));

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        assertThat(blocks.size()).isEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(find(blocks, "actions").path("block_id").asText()).isEqualTo("runbook_actions");
    }

    @Test
    void plainTextIsEscaped() {
        assertThat(SlackAnswerFormatter.format(new BotReply.Text("use <id> & go"))
                        .text())
                .isEqualTo("use &lt;id&gt; &amp; go");
    }

    private static String longSection(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < size; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(" explains **why** the pool fills up. ".repeat(4))
                    .append("\n\n");
            text.append("```bash\n")
                    .append(("psql -c 'select " + i + "'\n").repeat(12))
                    .append("```\n\n");
        }
        return text.toString();
    }

    private static BotReply.SectionAnswer answer(String text, Optional<String> url, List<DiagnosticSuggestion> s) {
        return new BotReply.SectionAnswer(
                "too many clients",
                0,
                hit("Too Many Connections", 10, text),
                List.of(hit("Pooling", 40, "")),
                s,
                url,
                Confidence.HIGH);
    }

    private static BotReply.SectionAnswer withSummary(
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

    private static SectionHit hit(String heading, int line, String text) {
        return new SectionHit(
                new RunbookSection(
                        "db.md",
                        "DB",
                        heading,
                        List.of("DB", heading),
                        3,
                        line,
                        900,
                        "### " + heading + "\n" + text,
                        List.of()),
                1.0);
    }

    @Test
    void investigationIsLabelledAsGeneratedAndEndsWithTheBotsSourcesList() throws Exception {
        Investigation investigation = new Investigation(
                "disk full",
                "Clean /var/log <!channel>, see **Disk**.",
                List.of("runbook ops/disk.md:3-9 (Disk › Full)", "diagnostic disk-usage on local (exit 0 in 5 ms)"),
                "llama3.2");

        SlackMessage message = SlackAnswerFormatter.format(new BotReply.Investigated(investigation));

        JsonNode blocks = blocks(message);
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Investigation: disk full");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .contains("Generated by llama3.2")
                .contains("not runbook text");
        assertThat(sectionTexts(blocks))
                .containsExactly(
                        "Clean /var/log &lt;!channel&gt;, see *Disk*.",
                        "*Sources (recorded by the bot from the tool calls it ran):*\n• runbook ops/disk.md:3-9 (Disk › Full)"
                                + "\n• diagnostic disk-usage on local (exit 0 in 5 ms)");
        assertThat(message.text()).contains("Generated by llama3.2").doesNotContain("<!channel>");
    }

    private static JsonNode blocks(SlackMessage message) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
    }

    private static List<String> sectionTexts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.path("type").asText().equals("section")) {
                texts.add(b.path("text").path("text").asText());
            }
        });
        return texts;
    }

    private static JsonNode find(JsonNode blocks, String type) {
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static int fences(String text) {
        return text.split("```", -1).length - 1;
    }

    @Test
    void aHostileLongRunbookLineIsEscapedInLinearTime() {
        String line = "## a" + " ".repeat(200_000) + "b <x>";
        long start = System.nanoTime();

        String mrkdwn = SlackMarkdown.toMrkdwn(line + "\n" + "**a ".repeat(50_000));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(mrkdwn).startsWith("## a").contains("b &lt;x&gt;");
    }
}
