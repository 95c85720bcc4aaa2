package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Slack's HTML-escaped text, links and mentions: decoded once, answered like the raw text, echoed
 * escaped exactly once. HTTP mode end to end: real Bolt, real Lucene over the fixture runbooks, fake
 * Slack on 127.0.0.1.
 */
class SlackEncodedTextIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CURL = "curl: (7) Failed to connect to localhost port 8000 > connection refused";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private SlackHarness h;

    @Test
    void encodedSlashCommandGetsTheAnswerAndConfidenceOfTheRawText() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        SlackPayload encoded = h.payloads.slashCommand("/runbook", CURL.replace(">", "&gt;"));

        h.post(raw);
        h.post(encoded);

        JsonNode rawAnswer = h.slack.awaitResponse(raw.responseId(), WAIT).json();
        JsonNode encodedAnswer =
                h.slack.awaitResponse(encoded.responseId(), WAIT).json();
        assertThat(headerAndSource(encodedAnswer)).isEqualTo(headerAndSource(rawAnswer));
        assertThat(headerAndSource(rawAnswer).get(1)).contains("confidence ").doesNotContain("Low");
    }

    @Test
    void encodedMentionWithLinksAndMentionsGetsTheAnswerOfTheDecodedText() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        SlackPayload mention = h.payloads.appMention("<@U0BOT> <!here> " + CURL.replace(">", "&gt;")
                + " <https://grafana.example.com/d/api?a=1&amp;b=2|dashboard> cc <@U0ALICE|alice>");
        h.post(raw);
        String expected = headerAndSource(
                        h.slack.awaitResponse(raw.responseId(), WAIT).json())
                .get(0);

        h.post(mention);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(expected);
    }

    @Test
    void buttonsOfAnEncodedQuestionCarryTheDecodedQuestion() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", CURL.replace(">", "&gt;"));

        h.post(command);

        JsonNode blocks =
                h.slack.awaitResponse(command.responseId(), WAIT).json().path("blocks");
        List<String> questions = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .map(e -> e.path("value").asText())
                .filter(v -> v.contains("\"q\""))
                .map(v -> readTree(v).path("q").asText())
                .toList();
        assertThat(questions).isNotEmpty().containsOnly(CURL);
    }

    @Test
    void noMatchEchoesTheEncodedQuestionEscapedExactlyOnce() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand(
                "/runbook", "ClickHouse too many parts &amp; merges &lt;slower&gt; than inserts");

        h.post(command);

        String text = h.slack
                .awaitResponse(command.responseId(), WAIT)
                .json()
                .path("text")
                .asText();
        assertThat(text)
                .startsWith("No runbook matches \"ClickHouse too many parts &amp; merges &lt;slower&gt;"
                        + " than inserts\".")
                .doesNotContain("&amp;amp;", "&amp;lt;", "&amp;gt;");
    }

    @Test
    void encodedSymptomInAnIncidentChannelIsAnsweredLikeTheRawOne() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        h.post(h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, "<!here> " + CURL.replace(">", "&gt;")));

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);

        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        h.post(raw);
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(headerAndSource(
                                h.slack.awaitResponse(raw.responseId(), WAIT).json())
                        .get(0));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The answer's header and its "Source: … · confidence N%" line. */
    private static List<String> headerAndSource(JsonNode answer) {
        JsonNode blocks = answer.path("blocks");
        String source = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("context"))
                .map(b -> b.path("elements").path(0).path("text").asText())
                .filter(t -> t.startsWith("Source: "))
                .findFirst()
                .orElse("(no source line)");
        return List.of(blocks.path(0).path("text").path("text").asText(), source);
    }
}
