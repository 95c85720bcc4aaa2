package io.runbookbot.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of the route file: where the notifications whose labels satisfy all its matchers are
 * posted (a Slack channel id, a Discord channel id, or both), the agent its diagnostics run on, and
 * whether routing goes on to the next routes ({@code continue}) after this one matched. A route
 * without matchers matches everything.
 */
public record AlertRoute(
        String name,
        List<LabelMatcher> matchers,
        Optional<String> slackChannel,
        Optional<String> discordChannel,
        Optional<String> agent,
        boolean continueMatching) {

    public AlertRoute {
        Objects.requireNonNull(name, "name");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(slackChannel, "slackChannel");
        Objects.requireNonNull(discordChannel, "discordChannel");
        Objects.requireNonNull(agent, "agent");
        if (slackChannel.isEmpty() && discordChannel.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " posts nowhere");
        }
    }

    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
