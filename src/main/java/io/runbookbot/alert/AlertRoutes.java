package io.runbookbot.alert;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.yaml.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The route file: an ordered list of routes and a default. A notification goes to the first route
 * whose matchers its labels satisfy; a route with {@code continue: true} lets routing go on to the
 * next ones, so one notification can go to several channels; the default route takes what no route
 * took. The file is validated whole at load: any problem fails it with an {@link AlertRouteException}
 * naming the route and the field, and a half-read file is never used.
 *
 * <pre>
 * routes:
 *   - name: payments
 *     matchers: ['namespace="payments"', 'severity=~"critical|warning"']
 *     slack_channel: C0PAYMENTS
 *     agent: payments-agent
 *     continue: true
 * default:
 *   slack_channel: C0INCIDENTS
 *   discord_channel: "123456789012345678"
 * </pre>
 */
public final class AlertRoutes {
    private static final Set<String> KEYS = Set.of("routes", "default");

    private final List<AlertRoute> routes;
    private final AlertRoute defaultRoute;
    private final String source;

    public AlertRoutes(List<AlertRoute> routes, AlertRoute defaultRoute, String source) {
        this.routes = List.copyOf(routes);
        this.defaultRoute = Objects.requireNonNull(defaultRoute, "defaultRoute");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads {@code file} (UTF-8); its path, as given, names it in messages. */
    public static AlertRoutes load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new AlertRouteException(file + ": cannot read the route file: " + e, e);
        }
    }

    /** Parses YAML text; {@code source} names it in messages (a file name, "test"). */
    public static AlertRoutes parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        JsonNode root = readTree(yaml, source);
        RouteFields top = new RouteFields(source);
        if (!root.isObject()) {
            throw top.error(
                    "",
                    "must be a mapping with routes and default, got "
                            + (root.isMissingNode() ? "an empty file" : RouteFields.kind(root)));
        }
        top.onlyKeys(root, KEYS);
        List<AlertRoute> routes = routes(root.get("routes"), top);
        JsonNode defaults = root.get("default");
        if (defaults == null || defaults.isNull()) {
            throw top.error(
                    "default", "missing; the default route takes every alert no route matched, so none is lost");
        }
        AlertRoute fallback = new RouteFields(source + ": default").defaultRoute(defaults);
        return new AlertRoutes(routes, fallback, source);
    }

    private static JsonNode readTree(String yaml, String source) {
        try {
            return YamlTrees.read(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new AlertRouteException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<AlertRoute> routes(JsonNode node, RouteFields top) {
        List<AlertRoute> routes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return routes;
        }
        if (!node.isArray()) {
            throw top.error("routes", "must be a list of routes, got " + RouteFields.kind(node));
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            AlertRoute route = new RouteFields(top.where() + ": routes[" + i + "]").route(node.get(i));
            Integer first = names.putIfAbsent(route.name(), i);
            if (first != null) {
                throw top.error("routes[" + i + "] (" + route.name() + ")", "name: duplicate of routes[" + first + "]");
            }
            routes.add(route);
        }
        for (int i = 0; i < routes.size() - 1; i++) {
            AlertRoute route = routes.get(i);
            if (route.matchers().isEmpty() && !route.continueMatching()) {
                throw top.error(
                        "routes[" + i + "] (" + route.name() + ")",
                        "matchers: none, so this route takes every alert and the routes after it are never reached;"
                                + " add matchers, set continue: true, or move it last");
            }
        }
        return routes;
    }

    /** The routes a notification goes to, by its common labels (those all its alerts share). */
    public List<AlertRoute> select(AlertNotification notification) {
        return select(notification.commonLabels());
    }

    /** The matching routes in file order up to the first without {@code continue}; else the default. */
    public List<AlertRoute> select(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        List<AlertRoute> chosen = new ArrayList<>();
        for (AlertRoute route : routes) {
            if (route.matches(labels)) {
                chosen.add(route);
                if (!route.continueMatching()) {
                    break;
                }
            }
        }
        return chosen.isEmpty() ? List.of(defaultRoute) : List.copyOf(chosen);
    }

    public List<AlertRoute> routes() {
        return routes;
    }

    public AlertRoute defaultRoute() {
        return defaultRoute;
    }

    /** The file (or other source) the routes were read from. */
    public String source() {
        return source;
    }
}
