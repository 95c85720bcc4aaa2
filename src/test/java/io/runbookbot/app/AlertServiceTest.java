package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbookbot.alert.AlertRoutes;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertPosts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A route on a chat platform that is not configured is named at start, not discovered at the first alert. */
class AlertServiceTest {
    private static final AlertRoutes ROUTES = AlertRoutes.parse("""
            routes:
              - name: payments
                matchers: ['namespace="payments"']
                discord_channel: "123456789012345678"
            default:
              slack_channel: C0INCIDENTS
            """, "routes.yaml");

    @Test
    void eachRouteOnAMissingPlatformIsWarnedAbout() {
        assertThat(AlertService.routesOnMissingPlatforms(ROUTES, Set.of("slack")))
                .containsExactly(
                        "Alert route payments posts to Discord, but Discord is not configured (DISCORD_BOT_TOKEN)");
        assertThat(AlertService.routesOnMissingPlatforms(ROUTES, Set.of("slack", "discord")))
                .isEmpty();
        assertThat(AlertService.routesOnMissingPlatforms(ROUTES, Set.of())).hasSize(2);
    }

    @Test
    void beforeTheFrontEndsHaveStartedAConfiguredPlatformIsWaitedForAndAnUnconfiguredOneRefused() {
        AlertDeliveryException waiting = catchThrowableOfType(
                () -> AlertService.destination("slack", Set.of("slack"), List::of)
                        .post("C0X", AlertPosts.firing(1, Map.of())),
                AlertDeliveryException.class);
        AlertDeliveryException refused = catchThrowableOfType(
                () -> AlertService.destination("discord", Set.of("slack"), List::of)
                        .post("1", AlertPosts.firing(1, Map.of())),
                AlertDeliveryException.class);

        assertThat(waiting.retryable())
                .as("a journal replay at start waits for Slack to connect")
                .isTrue();
        assertThat(refused.retryable()).isFalse();
    }
}
