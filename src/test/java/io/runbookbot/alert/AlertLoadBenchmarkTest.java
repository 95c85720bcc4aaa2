package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.slack.SlackAlertPoster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 alerts in 50 groups arriving over 10 s (each group gains one alert a second, as Alertmanager
 * sends a group again with its new alert), through the real journal, message store, pacer (one
 * message a second per channel, as Slack asks) and Slack SDK against the fake Slack; 10 channels of
 * 5 groups. Prints the time from a group's first notification to its message, p50 and p99.
 * {@code mvn test -Dtest=AlertLoadBenchmarkTest -Drunbookbot.benchmark=true}
 */
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class AlertLoadBenchmarkTest {
    private static final int GROUPS = 50;
    private static final int ALERTS = 10;
    private static final int CHANNELS = 10;

    @TempDir
    Path dir;

    private static String notification(int group, int alerts) {
        StringBuilder list = new StringBuilder();
        for (int a = 0; a < alerts; a++) {
            list.append(a == 0 ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"Load%d","pod":"p%d","team":"t%d"},"annotations":{},
                     "startsAt":"2026-11-28T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"g%da%d"}""".formatted(group, a, group % CHANNELS, group, a));
        }
        return """
                {"version":"4","receiver":"bot","status":"firing","groupKey":"{}:{alertname=\\"Load%d\\"}","truncatedAlerts":0,
                 "groupLabels":{"alertname":"Load%d"},"commonLabels":{"team":"t%d"},"commonAnnotations":{},"externalURL":"http://am",
                 "alerts":[%s]}""".formatted(group, group, group % CHANNELS, list);
    }

    @Test
    void everyGroupIsPostedOnceAndUpdatedInOrder() throws Exception {
        StringBuilder routes = new StringBuilder("routes:\n");
        for (int c = 0; c < CHANNELS; c++) {
            routes.append("  - name: team%d\n    matchers: ['team=\"t%d\"']\n    slack_channel: C0LOAD%d\n"
                    .formatted(c, c, c));
        }
        routes.append("default:\n  slack_channel: C0DEFAULT\n");
        Map<String, Long> firstSeen = new ConcurrentHashMap<>();
        try (FakeSlack slack = FakeSlack.start()) {
            SlackAlertPoster slackPoster =
                    new SlackAlertPoster(Slack.getInstance(slack.slackConfig()).methods("xoxb-load"));
            Map<String, Long> postedAt = new ConcurrentHashMap<>();
            AlertDestination poster = new AlertDestination() {
                @Override
                public String platform() {
                    return "slack";
                }

                @Override
                public PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException {
                    PostedMessage posted = slackPoster.post(channel, post);
                    postedAt.putIfAbsent(post.alertName(), System.nanoTime());
                    return posted;
                }

                @Override
                public void update(PostedMessage message, AlertPost post) throws AlertDeliveryException {
                    slackPoster.update(message, post);
                }

                @Override
                public void note(PostedMessage message, String line) throws AlertDeliveryException {
                    slackPoster.note(message, line);
                }
            };
            AlertComposer composer = new AlertComposer((alert, route) -> Optional.empty());
            try (AlertDispatcher dispatcher = new AlertDispatcher(
                    AlertJournal.open(dir.resolve("journal"), AlertJournal.Limits.defaults(), Clock.systemUTC()),
                    AlertMessageStore.open(dir.resolve("groups")),
                    AlertRoutes.parse(routes.toString(), "routes.yaml"),
                    composer,
                    Map.of("slack", poster),
                    PacerSettings.DEFAULTS,
                    Clock.systemUTC(),
                    new NoEvents())) {
                long start = System.nanoTime();
                for (int second = 1; second <= ALERTS; second++) {
                    for (int g = 0; g < GROUPS; g++) {
                        firstSeen.putIfAbsent("Load" + g, System.nanoTime());
                        assertThat(dispatcher
                                        .offer(notification(g, second).getBytes(StandardCharsets.UTF_8))
                                        .status())
                                .isEqualTo(200);
                    }
                    long next = start + TimeUnit.SECONDS.toNanos(second);
                    Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
                }
                slack.calls().await(r -> updatesOf(slack, r) >= GROUPS * (ALERTS - 1), Duration.ofMinutes(3));
                List<Double> firstPost = new ArrayList<>();
                for (int g = 0; g < GROUPS; g++) {
                    String name = "Load" + g;
                    List<RecordedRequest> posts = slack.callsTo("chat.postMessage").stream()
                            .filter(r -> r.param("thread_ts").isEmpty()
                                    && r.param("text").orElse("").endsWith(" · " + name))
                            .toList();
                    assertThat(posts).as(name + " posted once").hasSize(1);
                    firstPost.add((postedAt.get(name) - firstSeen.get(name)) / 1e6);
                    List<Integer> counts = slack.callsTo("chat.update").stream()
                            .map(r -> r.param("text").orElse(""))
                            .filter(t -> t.endsWith(" · " + name))
                            .map(t -> Integer.parseInt(t.replaceAll("^FIRING (\\d+).*", "$1")))
                            .toList();
                    assertThat(counts).as(name + " updated in order").isSorted().endsWith(ALERTS);
                }
                firstPost.sort(Double::compare);
                System.out.printf(
                        "alert load: %d notifications (%d alerts, %d groups, %d channels) in %.1f s; time to first post p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        GROUPS * ALERTS,
                        GROUPS * ALERTS,
                        GROUPS,
                        CHANNELS,
                        (System.nanoTime() - start) / 1e9,
                        firstPost.get(firstPost.size() / 2),
                        firstPost.get((int) Math.ceil(firstPost.size() * 0.99) - 1),
                        firstPost.get(firstPost.size() - 1));
            }
        }
    }

    private static long updatesOf(FakeSlack slack, RecordedRequest ignored) {
        return slack.callsTo("chat.update").size();
    }

    private static final class NoEvents implements AlertDispatcher.Events {
        @Override
        public void posted() {}

        @Override
        public void updated() {}

        @Override
        public void failed() {}

        @Override
        public void unmatched() {}
    }
}
