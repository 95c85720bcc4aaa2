package io.runbookbot.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one route (or the default) out of the route file's YAML tree, failing with an
 * {@link AlertRouteException} whose message starts with where the value is
 * ({@code routes.yaml: routes[2] (payments)}) and names the field.
 */
final class RouteFields {
    private static final Set<String> ROUTE_KEYS =
            Set.of("name", "matchers", "slack_channel", "discord_channel", "agent", "continue");
    private static final Set<String> DEFAULT_KEYS = Set.of("slack_channel", "discord_channel", "agent");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{1,31}");
    private static final Pattern DISCORD_CHANNEL = Pattern.compile("[1-9][0-9]{0,19}");
    private static final Pattern AGENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final String where;

    RouteFields(String where) {
        this.where = where;
    }

    String where() {
        return where;
    }

    AlertRoute route(JsonNode node) {
        mapping(node);
        onlyKeys(node, ROUTE_KEYS);
        String name = text(node, "name")
                .orElseThrow(() -> error("name", "missing; name each route (it is shown in logs and the preview)"));
        if (!NAME.matcher(name).matches()) {
            throw error("name", MatcherText.echo(name) + " must match " + NAME.pattern());
        }
        RouteFields named = new RouteFields(where + " (" + name + ")");
        return named.build(name, named.matchers(node.get("matchers")), node, named.flag(node.get("continue")));
    }

    AlertRoute defaultRoute(JsonNode node) {
        mapping(node);
        onlyKeys(node, DEFAULT_KEYS);
        return build("default", List.of(), node, false);
    }

    private AlertRoute build(String name, List<LabelMatcher> matchers, JsonNode node, boolean continueMatching) {
        Optional<String> slack = checked(node, "slack_channel", SLACK_CHANNEL, "a Slack channel id such as C0123ABCD");
        Optional<String> discord =
                checked(node, "discord_channel", DISCORD_CHANNEL, "a Discord channel id (digits, a snowflake)");
        if (slack.isEmpty() && discord.isEmpty()) {
            throw error("slack_channel", "missing, and so is discord_channel; a route posts to at least one");
        }
        Optional<String> agent = checked(node, "agent", AGENT, "an agent name as in the agents file");
        return new AlertRoute(name, matchers, slack, discord, agent, continueMatching);
    }

    private List<LabelMatcher> matchers(JsonNode node) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return matchers;
        }
        if (!node.isArray()) {
            throw error(
                    "matchers",
                    "must be a list of matchers such as 'severity=~\"critical|warning\"', got " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "matchers[" + i + "]";
            if (!item.isTextual()) {
                throw error(field, "must be a string such as 'namespace=\"payments\"', got " + kind(item));
            }
            try {
                matchers.add(LabelMatcher.parse(item.textValue()));
            } catch (IllegalArgumentException e) {
                throw new AlertRouteException(where + ": " + field + ": " + e.getMessage(), e);
            }
        }
        return matchers;
    }

    private Optional<String> checked(JsonNode map, String key, Pattern format, String expected) {
        Optional<String> value = text(map, key);
        if (value.isPresent() && !format.matcher(value.get()).matches()) {
            throw error(key, MatcherText.echo(value.get()) + " is not " + expected);
        }
        return value;
    }

    /** A string (or a whole number, as YAML reads a bare snowflake id); empty when missing. */
    private Optional<String> text(JsonNode map, String key) {
        JsonNode node = map.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.textValue().strip());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        throw error(key, "must be a string, got " + kind(node));
    }

    private boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw error("continue", "must be true or false, got " + kind(node));
        }
        return node.booleanValue();
    }

    private void mapping(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new AlertRouteException(
                    where + ": must be a mapping (key: value), got " + (node == null ? "nothing" : kind(node)));
        }
    }

    void onlyKeys(JsonNode map, Set<String> known) {
        for (Iterator<String> names = map.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw error(
                        MatcherText.echo(key), "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    AlertRouteException error(String field, String problem) {
        return new AlertRouteException(where + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
    }

    static String kind(JsonNode node) {
        return PayloadFields.kind(node);
    }
}
