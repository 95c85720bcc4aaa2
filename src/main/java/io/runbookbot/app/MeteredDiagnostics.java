package io.runbookbot.app;

import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.RunbookSection;
import java.util.List;
import java.util.Map;

/** Counts diagnostic requests by outcome. */
final class MeteredDiagnostics implements Diagnostics {
    private final Diagnostics delegate;
    private final Metrics metrics;

    MeteredDiagnostics(Diagnostics delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public List<DiagnosticSuggestion> suggestionsFor(RunbookSection section) {
        return delegate.suggestionsFor(section);
    }

    @Override
    public List<DiagnosticCommand> commands() {
        return delegate.commands();
    }

    @Override
    public List<DiagnosticCommand> commands(Caller caller) {
        return delegate.commands(caller);
    }

    @Override
    public Map<String, String> invalidParams(DiagnosticCall call) {
        return delegate.invalidParams(call);
    }

    @Override
    public DiagnosticReport run(Caller caller, DiagnosticCall call) {
        return counted(delegate.run(caller, call));
    }

    @Override
    public DiagnosticReport confirm(Caller caller, String token) {
        return counted(delegate.confirm(caller, token));
    }

    private DiagnosticReport counted(DiagnosticReport report) {
        metrics.diagnosticsRun(report.outcome());
        return report;
    }
}
