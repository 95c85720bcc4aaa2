package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.RequestParser;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** An alert group as Discord shows it: status, alerts, section, stateless Run buttons; outside text inert; within limits. */
class DiscordAlertFormatterTest {
    @Test
    void firingGroupShowsStatusAlertsTheSectionAndARunButtonThatHoldsTheWholeRun() {
        AlertPost post = AlertPosts.firing(2, Map.of("namespace", "payments"));

        MessageEmbed embed = DiscordAlertFormatter.embed(post);
        List<ActionRow> rows = DiscordAlertFormatter.buttons(post);

        assertThat(embed.getTitle()).contains("FIRING 2 · KubePodCrashLooping");
        assertThat(embed.getDescription())
                .contains("pod=api-1")
                .contains("Pods keep restarting.")
                .contains("kubectl logs -n payments api-0");
        Button run = rows.get(0).getButtons().get(0);
        assertThat(run.getCustomId()).startsWith("cmd:");
        assertThat(RequestParser.parse(run.getCustomId().substring(4)))
                .isEqualTo(new BotRequest.RunDiagnostic(
                        "local", "pod-logs", Map.of("namespace", "payments", "pod", "api-0")));
        assertThat(rows.get(0).getButtons().get(1).getUrl()).isEqualTo(AlertPosts.SOURCE);
    }

    @Test
    void resolvedGroupSaysSoAndAnUncoveredOneSaysNoRunbookCoversItWithoutButtons() {
        AlertPost firing = AlertPosts.firing(1, Map.of());
        AlertPost uncovered = AlertPosts.uncovered(firing, Map.of("description", "Disk almost full"));

        assertThat(DiscordAlertFormatter.embed(AlertPosts.resolved(firing)).getTitle())
                .contains("RESOLVED");
        assertThat(DiscordAlertFormatter.embed(uncovered).getDescription())
                .contains("No runbook covers this alert.")
                .contains("Disk almost full");
        assertThat(DiscordAlertFormatter.buttons(uncovered)).isEmpty();
    }

    @Test
    void labelInjectionCannotMentionOrFormatOutsideCode() {
        AlertPost post = AlertPosts.uncovered(
                AlertPosts.firing(1, Map.of("namespace", "<@123456789> @everyone")),
                Map.of("summary", "@here **now** <#42> [x](https://evil.example)"));

        String description = DiscordAlertFormatter.embed(post).getDescription();

        assertThat(description)
                .doesNotContain("@here")
                .doesNotContain("**now**")
                .doesNotContainPattern("(?<!\\\\)\\[x]\\(");
        assertThat(description).contains("`namespace=<@123456789> @everyone pod=api-0`");
        assertThat(description.replaceAll("`[^`]*`", ""))
                .doesNotContain("@everyone")
                .doesNotContainPattern("(?<!\\\\)<#42>")
                .contains("\\<#42>");
    }

    @Test
    void aHugeGroupStaysWithinDiscordLimits() {
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

        MessageEmbed embed = DiscordAlertFormatter.embed(post);

        assertThat(embed.getTitle().length()).isLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
        assertThat(embed.getDescription().length()).isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(embed.isSendable()).isTrue();
        assertThat(DiscordAlertFormatter.buttons(post))
                .allSatisfy(row -> assertThat(row.getButtons()).hasSizeLessThanOrEqualTo(5));
    }
}
