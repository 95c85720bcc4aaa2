package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The message shortcut "Find runbook for this message", direct messages and the Home tab. HTTP mode
 * end to end: real Bolt, real Lucene over the fixture runbooks, fake Slack on 127.0.0.1.
 */
class SlackAppSurfacesIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASTED_LOG = """
            2026-11-28T03:12:01Z INFO  api     starting worker pool size=8
            2026-11-28T03:12:02Z ERROR db      FATAL: sorry, too many clients already
            2026-11-28T03:12:02Z INFO  api     retrying in 5s""";

    @AutoClose
    private SlackHarness h;

    @Test
    void theShortcutOnSomeonesPastedLogAnswersTheClickerPrivatelyWithTheSection() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload shortcut = h.payloads.messageShortcut(SlackBot.FIND_SHORTCUT, PASTED_LOG);

        assertThat(h.post(shortcut).statusCode()).isEqualTo(200);

        JsonNode answer = h.slack.awaitResponse(shortcut.responseId(), WAIT).json();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
                .endsWith("Too Many Connections");
        assertThat(answer.path("blocks").toString()).contains(SlackButtonValue.SHARE);
        assertThat(h.posts()).isEmpty();
    }

    @Test
    void theShortcutNeverRunsACommandWrittenInTheMessage() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload shortcut = h.payloads.messageShortcut(SlackBot.FIND_SHORTCUT, "run disk-usage on web-1");

        h.post(shortcut);

        JsonNode answer = h.slack.awaitResponse(shortcut.responseId(), WAIT).json();
        boolean searched = answer.path("text").asText().startsWith("No runbook matches")
                || answer.path("blocks").path(0).path("type").asText().equals("header");
        assertThat(searched).as("answered as a question: %s", answer).isTrue();
    }

    @Test
    void aDirectMessageIsAnsweredInTheDirectMessage() throws Exception {
        h = SlackHarness.http(List.of());

        h.post(h.payloads.directMessage("D0ALICE", "FATAL: sorry, too many clients already"));

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("channel")).contains("D0ALICE");
        assertThat(post.param("thread_ts")).isEmpty();
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .endsWith("Too Many Connections");
    }

    @Test
    void openingTheHomeTabPublishesHowToAskAndTheDiagnostics() throws Exception {
        h = SlackHarness.http(List.of());

        h.post(h.payloads.appHomeOpened());

        RecordedRequest published = h.slack.awaitCall("views.publish", WAIT);
        assertThat(published.param("user_id")).contains(SlackPayloads.USER_ID);
        JsonNode view = published.paramJson("view");
        assertThat(view.path("type").asText()).isEqualTo("home");
        assertThat(view.path("blocks").size()).isLessThanOrEqualTo(SlackHome.MAX_BLOCKS);
        assertThat(view.toString()).contains("Ask me what you see").contains("Diagnostics");
    }
}
