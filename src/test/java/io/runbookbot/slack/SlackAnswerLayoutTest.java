package io.runbookbot.slack;

import static io.runbookbot.slack.SlackAnswers.URL;
import static io.runbookbot.slack.SlackAnswers.answer;
import static io.runbookbot.slack.SlackAnswers.blocks;
import static io.runbookbot.slack.SlackAnswers.find;
import static io.runbookbot.slack.SlackAnswers.hit;
import static io.runbookbot.slack.SlackAnswers.sectionTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.SectionAnswers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** How a section answer, a no-match reply and plain text are laid out in Slack blocks. */
class SlackAnswerLayoutTest {
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
                .containsExactly("Run listening-port", "Next match", "Open runbook", "Helpful", "Not helpful");
        assertThat(SlackButtonValue.decode(
                        buttons.get(0).path("action_id").asText(),
                        buttons.get(0).path("value").asText()))
                .isEqualTo(new BotRequest.RunDiagnostic("local", "listening-port", Map.of("port", "8000")));
        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.NEXT, buttons.get(1).path("value").asText()))
                .isEqualTo(new BotRequest.NextMatch("too many clients", 1));
        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.NOT_HELPFUL,
                        buttons.get(4).path("value").asText()))
                .isEqualTo(new BotRequest.Feedback("too many clients", "db.md:10", false));
        assertThat(blocks.get(blocks.size() - 1).path("text").path("text").asText())
                .isEqualTo("*Other candidates*\n• DB › Pooling — `db.md:40`");
    }

    @Test
    void onlyAPrivateAnswerOffersToShareItAndASharedOneSaysWhoSharedIt() throws Exception {
        BotReply.SectionAnswer a = answer("Restart it.", Optional.empty(), List.of());

        JsonNode mine = blocks(SlackAnswerFormatter.privately(a));
        JsonNode everyones = blocks(SlackAnswerFormatter.format(a));
        JsonNode shared = blocks(SlackAnswerFormatter.sharedBy(a, "U0BOB"));

        assertThat(find(mine, "actions")
                        .path("elements")
                        .get(0)
                        .path("text")
                        .path("text")
                        .asText())
                .isEqualTo("Share in channel");
        assertThat(find(everyones, "actions").toString()).doesNotContain(SlackButtonValue.SHARE);
        assertThat(find(shared, "actions").toString()).doesNotContain(SlackButtonValue.SHARE);
        assertThat(find(shared, "context").toString()).contains("Shared by <@U0BOB>");
    }

    @Test
    void anAnswerWithASourceUrlHasAnOpenRunbookLinkButton() throws Exception {
        JsonNode withUrl = find(
                blocks(SlackAnswerFormatter.format(answer("Restart it.", Optional.of(URL), List.of()))), "actions");
        JsonNode without = find(
                blocks(SlackAnswerFormatter.format(answer("Restart it.", Optional.empty(), List.of()))), "actions");

        assertThat(withUrl.path("elements").findValues("url"))
                .extracting(JsonNode::asText)
                .containsExactly(URL);
        assertThat(without.toString()).doesNotContain(SlackButtonValue.OPEN);
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
    void generatedSummaryIsLabelledAndShownAboveTheSectionText() throws Exception {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
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
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer("Restart it.", Optional.empty(), List.of()),
                new Summary("This section does not seem to answer your question.", "llama3.1", false),
                List.of());

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        assertThat(blocks.get(1).path("elements").get(0).path("text").asText()).startsWith("\u2728 Generated summary");
        assertThat(sectionTexts(blocks).get(0)).isEqualTo("This section does not seem to answer your question.");
    }

    @Test
    void noticesAreASmallContextLineUnderTheHeader() throws Exception {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
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
    void noMatchSaysSoAndListsTheWeakCandidates() {
        SlackMessage m = SlackAnswerFormatter.format(new BotReply.NoMatch("lunch?", List.of(hit("Pooling", 40, ""))));

        assertThat(m.text())
                .isEqualTo("No runbook matches \"lunch?\".\nClosest, though weak:\n• DB › Pooling — `db.md:40`");
    }

    @Test
    void noMatchShowsItsNotices() throws Exception {
        BotReply.NoMatch none = new BotReply.NoMatch("lunch?", List.of(), List.of("Keyword results only."));

        JsonNode blocks = blocks(SlackAnswerFormatter.format(none));

        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .isEqualTo("\u2139\ufe0f Keyword results only.");
    }

    @Test
    void plainTextIsEscaped() {
        assertThat(SlackAnswerFormatter.format(new BotReply.Text("use <id> & go"))
                        .text())
                .isEqualTo("use &lt;id&gt; &amp; go");
    }
}
