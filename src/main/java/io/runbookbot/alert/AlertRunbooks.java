package io.runbookbot.alert;

import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.alert.AlertRunbook;
import io.runbookbot.core.chat.ReadableSection;
import io.runbookbot.core.chat.SourceLinks;
import io.runbookbot.search.markdown.Runbook;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook section an alert brings, as the composer needs it: {@link AlertSections} over the
 * runbooks served now (rebuilt when the index reloads), the section's checks prefilled from the
 * alert's labels, phone-sized, with its source link and the route's agent. Each match is logged
 * with how and why it matched.
 */
public final class AlertRunbooks implements BiFunction<Alert, AlertRoute, Optional<AlertRunbook>> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRunbooks.class);

    private final Supplier<List<Runbook>> runbooks;
    private final RunbookSearch search;
    private final List<UrlPrefix> prefixes;
    private final Optional<AlertChecks> checks;
    private final SourceLinks links;
    private final String defaultAgent;
    private volatile Optional<Cached> cached = Optional.empty();

    private record Cached(List<Runbook> runbooks, AlertSections sections) {}

    public AlertRunbooks(
            Supplier<List<Runbook>> runbooks,
            RunbookSearch search,
            List<UrlPrefix> prefixes,
            Optional<AlertChecks> checks,
            SourceLinks links,
            String defaultAgent) {
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
        this.search = Objects.requireNonNull(search, "search");
        this.prefixes = List.copyOf(prefixes);
        this.checks = Objects.requireNonNull(checks, "checks");
        this.links = Objects.requireNonNull(links, "links");
        this.defaultAgent = Objects.requireNonNull(defaultAgent, "defaultAgent");
    }

    /** How the alert maps to a runbook section, and why (each step). */
    public AlertMatch match(Alert alert) {
        return sections().match(alert.name(), alert.labels(), alert.annotations());
    }

    @Override
    public Optional<AlertRunbook> apply(Alert alert, AlertRoute route) {
        AlertMatch match = match(alert);
        LOG.info(
                "Alert {}: {} {} ({})",
                AlertComposer.clean(alert.name(), 200),
                match.method(),
                match.file().orElse("no runbook"),
                match.why());
        if (match.section().isEmpty()) {
            return Optional.empty();
        }
        RunbookSection section = match.section().get();
        List<DiagnosticSuggestion> suggested = checks.map(c -> c.forSection(section, alert.labels()).stream()
                        .map(AlertCheck::suggestion)
                        .toList())
                .orElse(List.of());
        return Optional.of(new AlertRunbook(
                section,
                ReadableSection.of(section, links),
                match.meaning().orElse(""),
                links.of(section).orElse(""),
                route.agent().orElse(defaultAgent),
                suggested));
    }

    /** The sections over the runbooks served now; rebuilt only when the index has reloaded. */
    private AlertSections sections() {
        List<Runbook> now = runbooks.get();
        Optional<Cached> last = cached;
        if (last.isPresent() && last.get().runbooks() == now) {
            return last.get().sections();
        }
        AlertSections sections = new AlertSections(now, search, prefixes);
        cached = Optional.of(new Cached(now, sections));
        return sections;
    }
}
