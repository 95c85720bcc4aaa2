package io.runbookbot.alert;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.redact.Redactor;
import io.runbookbot.search.SectionRoles;
import io.runbookbot.search.markdown.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the runbook section an alert brings, in the order issue 13 gives, each step noted with why
 * it matched or not ({@link AlertMatch#steps}):
 * <ol>
 *   <li>the {@code runbook_url} annotation, through the configured prefixes, else by path suffix
 *       ({@link RunbookUrls}); its {@code #anchor} picks that heading;</li>
 *   <li>the alert name equal to a runbook's file stem, title or first heading (exactly; when
 *       several runbooks carry it, the one under the earliest prefix's folder, else no match);</li>
 *   <li>search over the name, {@code summary} and {@code description}, with the search's own
 *       abstention: an unconfident search is no match, never a guess.</li>
 * </ol>
 * The section shown is the most actionable one ({@link ActionableSections}), with the Meaning/Impact
 * line. Immutable and safe to share; build a new one when the runbooks are reloaded.
 */
public final class AlertSections {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSections.class);
    private static final int SEARCH_DEPTH = 3;

    private final RunbookCatalog catalog;
    private final RunbookUrls urls;
    private final List<UrlPrefix> prefixes;
    private final RunbookSearch search;

    /**
     * @param runbooks the runbooks of the folder the search indexes (e.g. {@code IndexedRunbooks#runbooks()})
     * @param search   the search over the same runbooks, for step 3
     * @param prefixes runbook_url prefixes and their folders, in order of preference
     */
    public AlertSections(List<Runbook> runbooks, RunbookSearch search, List<UrlPrefix> prefixes) {
        this.catalog = new RunbookCatalog(Objects.requireNonNull(runbooks, "runbooks"));
        this.prefixes = List.copyOf(prefixes);
        this.urls = new RunbookUrls(catalog, this.prefixes);
        this.search = Objects.requireNonNull(search, "search");
    }

    /**
     * @param alertName   the alert's name; blank to take the {@code alertname} label
     * @param labels      the alert's labels
     * @param annotations the alert's annotations ({@code runbook_url}, {@code summary}, {@code description})
     */
    public AlertMatch match(String alertName, Map<String, String> labels, Map<String, String> annotations) {
        String name = alertName.isBlank() ? labels.getOrDefault("alertname", "") : alertName.strip();
        List<String> steps = new ArrayList<>();
        AlertMatch match = byUrl(annotations.get("runbook_url"), steps)
                .or(() -> byName(name, steps))
                .or(() -> bySearch(name, annotations, steps))
                .orElseGet(() -> AlertMatch.none(steps));
        LOG.info(
                "Alert {}: {} {} ({})",
                Redactor.redact(name),
                match.method(),
                match.file().orElse("no runbook"),
                match.why());
        return match;
    }

    private Optional<AlertMatch> byUrl(String url, List<String> steps) {
        if (url == null || url.isBlank()) {
            steps.add("runbook_url: none");
            return Optional.empty();
        }
        RunbookUrls.Lookup found = urls.find(url);
        steps.add("runbook_url: " + found.reason());
        if (found.runbook().isEmpty()) {
            return Optional.empty();
        }
        Runbook runbook = found.runbook().get();
        Optional<ActionableSections.Choice> anchored = found.anchor().flatMap(a -> {
            Optional<ActionableSections.Choice> c = ActionableSections.atAnchor(runbook, a);
            if (c.isEmpty()) {
                steps.add("anchor #" + a + " names no heading of " + runbook.file());
            }
            return c;
        });
        return shown(AlertMatch.Method.RUNBOOK_URL, runbook, anchored, steps);
    }

    private Optional<AlertMatch> byName(String name, List<String> steps) {
        if (name.isEmpty()) {
            steps.add("name: the alert has no name");
            return Optional.empty();
        }
        List<Runbook> named = catalog.named(name);
        if (named.isEmpty()) {
            steps.add("name: no runbook is named " + name);
            return Optional.empty();
        }
        Optional<Runbook> chosen = named.size() == 1 ? Optional.of(named.get(0)) : preferred(named);
        if (chosen.isEmpty()) {
            steps.add("name: " + named.size() + " runbooks are named " + name + " and no configured prefix folder"
                    + " tells them apart; not guessing");
            return Optional.empty();
        }
        steps.add("name: " + name + " is the name of " + chosen.get().file()
                + (named.size() > 1
                        ? " (of " + named.size() + " so named, the one under the first prefix folder)"
                        : ""));
        return shown(AlertMatch.Method.NAME, chosen.get(), Optional.empty(), steps);
    }

    /** The only runbook under the earliest prefix folder that holds any of them. */
    private Optional<Runbook> preferred(List<Runbook> named) {
        for (UrlPrefix p : prefixes) {
            String folder = p.folder().isEmpty() ? "" : RunbookCatalog.key(p.folder()) + "/";
            List<Runbook> under = named.stream()
                    .filter(r -> RunbookCatalog.key(r.file()).startsWith(folder))
                    .toList();
            if (!under.isEmpty()) {
                return under.size() == 1 ? Optional.of(under.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<AlertMatch> bySearch(String name, Map<String, String> annotations, List<String> steps) {
        String query = AlertQuery.of(name, annotations);
        if (query.isBlank()) {
            steps.add("search: nothing to search (no name, summary or description)");
            return Optional.empty();
        }
        Answer answer = search.ask(query, SEARCH_DEPTH);
        Optional<SectionHit> best = answer.best();
        if (best.isEmpty()) {
            steps.add("search: no runbook covers the name, summary and description confidently; not guessing");
            return Optional.empty();
        }
        if (answer.confidence() == Confidence.LOW) {
            steps.add("search: only a weak match (" + best.get().section().location()
                    + ", confidence LOW); not guessing");
            return Optional.empty();
        }
        RunbookSection hit = best.get().section();
        steps.add("search: " + hit.location() + " (" + hit.headingPath() + ", confidence " + answer.confidence() + ")");
        List<Runbook> runbook = catalog.atPath(hit.file());
        if (SectionRoles.acts(SectionRoles.of(hit.heading())) || runbook.size() != 1) {
            Optional<String> meaning =
                    runbook.size() == 1 ? ActionableSections.meaning(runbook.get(0)) : Optional.empty();
            steps.add("section: the one search found");
            return Optional.of(new AlertMatch(AlertMatch.Method.SEARCH, Optional.of(hit), meaning, steps));
        }
        return shown(AlertMatch.Method.SEARCH, runbook.get(0), Optional.empty(), steps);
    }

    private static Optional<AlertMatch> shown(
            AlertMatch.Method method,
            Runbook runbook,
            Optional<ActionableSections.Choice> anchored,
            List<String> steps) {
        Optional<ActionableSections.Choice> choice = anchored.or(() -> ActionableSections.mostActionable(runbook));
        if (choice.isEmpty()) {
            steps.add("section: " + runbook.file() + " has no section to show");
            return Optional.empty();
        }
        steps.add("section: " + choice.get().section().headingPath() + " ("
                + choice.get().why() + ")");
        return Optional.of(new AlertMatch(
                method, Optional.of(choice.get().section()), ActionableSections.meaning(runbook), steps));
    }
}
