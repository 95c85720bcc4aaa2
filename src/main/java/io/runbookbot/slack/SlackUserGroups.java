package io.runbookbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack user groups as roles: a member of {@code @oncall} (id {@code S0614TZR7}) calls with the roles
 * {@code oncall} and {@code S0614TZR7}, so an allowlist granting {@code roles: [oncall]} works in
 * Slack as it does in Discord. All groups and their members come from one {@code usergroups.list}
 * call (with {@code include_users}, scope {@code usergroups:read}), kept for {@link #REFRESH} and
 * then fetched again, so a change in the group is honoured within that time. When Slack refuses
 * (no scope, no groups on a free plan) or cannot be reached, callers have no group roles until the
 * next try, and the log says why.
 */
final class SlackUserGroups {
    private static final Logger LOG = LoggerFactory.getLogger(SlackUserGroups.class);
    static final Duration REFRESH = Duration.ofMinutes(5);
    /** Roles beyond this many per user are not read (a user in hundreds of groups). */
    private static final int MAX_ROLES = 100;

    private final Cache<String, Map<String, List<String>>> groups;

    SlackUserGroups(Ticker ticker) {
        groups = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfterWrite(REFRESH)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The handles and ids of the user groups {@code userId} is in. */
    List<String> roles(String userId, MethodsClient client) {
        return groups.get("groups", k -> load(client)).getOrDefault(userId, List.of());
    }

    private static Map<String, List<String>> load(MethodsClient client) {
        try {
            UsergroupsListResponse r = client.usergroupsList(q -> q.includeUsers(true));
            if (!r.isOk()) {
                LOG.warn(
                        "Slack user groups are not available ({}{}); no user has a group role until the next"
                                + " try in {} minutes",
                        r.getError(),
                        r.getNeeded() == null ? "" : ", needs the " + r.getNeeded() + " scope",
                        REFRESH.toMinutes());
                return Map.of();
            }
            Map<String, List<String>> byUser = new HashMap<>();
            for (Usergroup g : r.getUsergroups() == null ? List.<Usergroup>of() : r.getUsergroups()) {
                for (String user : g.getUsers() == null ? List.<String>of() : g.getUsers()) {
                    List<String> roles = byUser.computeIfAbsent(user, u -> new ArrayList<>());
                    if (roles.size() < MAX_ROLES) {
                        add(roles, g.getHandle());
                        add(roles, g.getId());
                    }
                }
            }
            return byUser;
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn(
                    "Slack user groups could not be read ({}); no user has a group role until the next try",
                    e.toString());
            return Map.of();
        }
    }

    private static void add(List<String> roles, String role) {
        if (role != null && !role.isBlank() && !roles.contains(role)) {
            roles.add(role);
        }
    }
}
