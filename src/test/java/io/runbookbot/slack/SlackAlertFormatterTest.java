package io.runbookbot.slack;

import static io.runbookbot.slack.SlackAnswers.blocks;
import static io.runbookbot.slack.SlackAnswers.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.chat.BotRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An alert group as Slack shows it: status, alerts, section, checks; outside text inert; within Block Kit's limits. */
class SlackAlertFormatterTest {
    @Test
    void firingGroupShowsStatusAlertsTheSectionAndARunButtonPrefilledFromLabels() throws Exception {
        JsonNode blocks = blocks(SlackAlertFormatter.format(AlertPosts.firing(2, Map.of("namespace", "payments"))));

        assertThat(find(blocks, "header").path("text").path("text").asText())
                .contains("FIRING 2 · KubePodCrashLooping");
        assertThat(blocks.toString())
                .contains("pod=api-1")
                .contains("*Meaning:* Pods keep restarting.")
                .contains("kubectl logs -n payments api-0");
        JsonNode run = find(blocks, "actions").path("elements").get(0);
        assertThat(SlackButtonValue.decode(
                        run.path("action_id").asText(), run.path("value").asText()))
                .isEqualTo(new BotRequest.RunDiagnostic(
                        "local", "pod-logs", Map.of("namespace", "payments", "pod", "api-0")));
        assertThat(find(blocks, "actions").path("elements").get(1).path("url").asText())
                .isEqualTo(AlertPosts.SOURCE);
    }

    @Test
    void resolvedGroupSaysSoAndAnUncoveredOneSaysNoRunbookCoversItWithItsAnnotations() throws Exception {
        AlertPost firing = AlertPosts.firing(1, Map.of());

        assertThat(find(blocks(SlackAlertFormatter.format(AlertPosts.resolved(firing))), "header")
                        .toString())
                .contains("RESOLVED");
        String uncovered = blocks(
                        SlackAlertFormatter.format(AlertPosts.uncovered(firing, Map.of("summary", "Disk almost full"))))
                .toString();
        assertThat(uncovered)
                .contains("No runbook covers this alert.")
                .contains("Disk almost full")
                .doesNotContain("pod-logs");
    }

    @Test
    void labelInjectionIsShownNotActedOn() throws Exception {
        Map<String, String> hostile = Map.of(
                "namespace", "<!channel> <@U0123> <https://evil.example|click here>",
                "service", "@here *bold* `tick`");
        AlertPost post = AlertPosts.uncovered(AlertPosts.firing(1, hostile), Map.of("summary", "<!everyone> now"));

        String json = blocks(SlackAlertFormatter.format(post)).toString();

        assertThat(json)
                .doesNotContain("<!channel>")
                .doesNotContain("<@U0123>")
                .doesNotContain("<!everyone>")
                .doesNotContain("<https://evil.example")
                .contains("&lt;!channel&gt;");
    }

    @Test
    void aHugeGroupStaysWithinBlockKitLimits() throws Exception {
        Map<String, String> wide = Map.of("instance", "x".repeat(5000), "job", "y".repeat(5000));
        AlertPost post = new AlertPost(
                "A".repeat(400),
                500,
                0,
                wide,
                AlertPosts.firing(500, wide).alerts(),
                1000,
                AlertPosts.runbook(),
                Map.of());

        SlackMessage message = SlackAlertFormatter.format(post);
        JsonNode blocks = blocks(message);

        assertThat(blocks.size()).isLessThanOrEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(message.text().length()).isLessThanOrEqualTo(SlackAnswerFormatter.MAX_TEXT);
        List<String> actionIds = new ArrayList<>();
        for (JsonNode block : blocks) {
            assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
            if (block.path("type").asText().equals("header")) {
                assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(150);
            }
            block.path("elements").forEach(e -> {
                assertThat(e.path("text")
                                .asText(e.path("text").path("text").asText())
                                .length())
                        .isLessThanOrEqualTo(3000);
                assertThat(e.path("value").asText().length()).isLessThanOrEqualTo(2000);
                if (e.has("action_id")) {
                    actionIds.add(e.path("action_id").asText());
                }
            });
        }
        assertThat(new HashSet<>(actionIds)).hasSameSizeAs(actionIds);
        assertThat(blocks.toString()).containsPattern("_and 14\\d\\d more_");
    }
}
