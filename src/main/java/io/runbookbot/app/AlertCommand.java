package io.runbookbot.app;

import io.runbookbot.alert.Alert;
import io.runbookbot.alert.AlertComposer;
import io.runbookbot.alert.AlertMatch;
import io.runbookbot.alert.AlertNotification;
import io.runbookbot.alert.AlertPayloadException;
import io.runbookbot.alert.AlertPayloads;
import io.runbookbot.alert.AlertRoute;
import io.runbookbot.alert.AlertRouteException;
import io.runbookbot.alert.AlertRoutes;
import io.runbookbot.alert.AlertRunbooks;
import io.runbookbot.alert.UrlPrefix;
import io.runbookbot.cli.TerminalBot;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.redact.ControlChars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alert --file payload.json}: what {@code serve} would post for an Alertmanager notification,
 * where, with which section and checks, and why each alert maps to its runbook. Nothing is posted:
 * the way to set up routes and URL prefixes.
 */
@Command(
        name = "alert",
        mixinStandardHelpOptions = true,
        description = {
            "Preview what serve would post for an Alertmanager webhook body: route, channel, section, checks.",
            "Nothing is posted. Exit code 2 when the body or the route file is refused."
        })
public final class AlertCommand implements Callable<Integer> {
    private final Function<String, Optional<String>> environment;

    @Option(
            names = "--file",
            required = true,
            paramLabel = "FILE",
            description = "The webhook body (JSON), as Alertmanager sends it.")
    Path file;

    @Spec
    CommandSpec spec;

    public AlertCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SettingValues values = SettingOptions.values(spec, environment);
        Optional<Path> routesFile = values.get(Setting.ALERT_ROUTES, Path.class);
        if (routesFile.isEmpty()) {
            err.println("Set " + Setting.ALERT_ROUTES.variable()
                    + " (or --alert-routes) to the route file to preview against.");
            return 2;
        }
        AlertNotification n;
        AlertRoutes routes;
        List<UrlPrefix> prefixes;
        try {
            n = AlertPayloads.parse(Files.readAllBytes(file));
            routes = AlertRoutes.load(routesFile.get());
            prefixes = UrlPrefix.parseList(
                    values.get(Setting.ALERT_URL_PREFIXES, String.class).orElse(""));
        } catch (AlertPayloadException | AlertRouteException | IllegalArgumentException e) {
            err.println(ControlChars.clean(e.getMessage()));
            return 2;
        }
        try (Bot bot = Bot.open(
                BotConfigLoader.terminal(values),
                environment,
                Bot.Profile.terminal(new TerminalBot.Needs(false, 1, false, false, 1)))) {
            AlertRunbooks runbooks = bot.alertRunbooks(prefixes);
            print(out, n, routes, runbooks);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, AlertNotification n, AlertRoutes routes, AlertRunbooks runbooks) {
        out.printf(
                "Group %s: %s, %d alert(s)%n",
                show(n.groupKey()), n.status(), n.alerts().size());
        for (Alert alert : n.alerts()) {
            AlertMatch match = runbooks.match(alert);
            out.printf(
                    "  %s (%s): %s%s%n",
                    show(alert.name()),
                    alert.status(),
                    match.method(),
                    match.section()
                            .map(s -> " " + s.location() + " › " + show(s.heading()))
                            .orElse(": no runbook covers it"));
            match.steps().forEach(step -> out.println("      " + show(step)));
        }
        AlertComposer composer = new AlertComposer(runbooks);
        for (AlertRoute route : routes.select(n)) {
            Set<String> firing = n.alerts().stream()
                    .filter(Alert::firing)
                    .map(Alert::fingerprint)
                    .collect(Collectors.toSet());
            Set<String> resolved = n.alerts().stream()
                    .filter(a -> !a.firing())
                    .map(Alert::fingerprint)
                    .collect(Collectors.toSet());
            AlertPost post = composer.compose(n, route, firing, resolved);
            out.printf(
                    "Route %s -> %s%s%n",
                    route.name(),
                    route.slackChannel().map(c -> "slack " + c).orElse(""),
                    route.discordChannel().map(c -> " discord " + c).orElse(""));
            out.println("  " + show(post.headline())
                    + (post.keyLabels().isEmpty() ? "" : "  [" + show(post.labelLine()) + "]"));
            post.section()
                    .ifPresentOrElse(
                            r -> {
                                if (!r.meaning().isBlank()) {
                                    out.println("  Meaning: " + show(r.meaning()));
                                }
                                out.println("  Section: " + show(r.section().headingPath()) + " ("
                                        + r.section().location() + ")");
                                for (DiagnosticSuggestion check : r.checks()) {
                                    out.println("  Check: " + show(check.chatCommand()) + " on " + r.agent());
                                }
                            },
                            () -> out.println("  No runbook covers it; the post shows its summary and description."));
        }
    }

    private static String show(String text) {
        return ControlChars.clean(text);
    }
}
