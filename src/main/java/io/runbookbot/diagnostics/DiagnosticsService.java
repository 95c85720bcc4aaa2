package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.Echo;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.audit.AuditRecord;
import io.runbookbot.agent.audit.AuditUnavailableException;
import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticReport.Refused.Reason;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.redact.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs allowlisted diagnostics for chat users and the local operator: checks, in order, that the
 * command and agent exist, that the parameters are valid, that the caller may run it here, the
 * caller's rate limit and, for commands that change something, the caller's confirmation; then
 * writes the audit's started line (nothing runs when it cannot be written), runs it, redacts the
 * output and writes the finished line before answering. Thread-safe.
 */
public final class DiagnosticsService implements Diagnostics {
    private final Allowlist allowlist;
    private final Map<String, RunTarget> targets;
    private final Suggestions suggestions;
    private final Confirmations confirmations;
    private final RateLimiter rateLimiter;
    private final Optional<AuditLog> audit;
    private final Clock clock;

    DiagnosticsService(
            Allowlist allowlist,
            Map<String, RunTarget> targets,
            RateLimiter rateLimiter,
            Optional<AuditLog> audit,
            Clock clock) {
        this.allowlist = allowlist;
        this.targets = Map.copyOf(targets);
        this.suggestions = new Suggestions(allowlist);
        this.confirmations = new Confirmations(clock);
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a service; {@code gateway} names the remote agents, the local runner is {@value #LOCAL}. */
    public static Builder builder(Allowlist allowlist) {
        return new Builder(allowlist);
    }

    @Override
    public List<DiagnosticSuggestion> suggestionsFor(RunbookSection section) {
        return suggestions.forSection(section);
    }

    @Override
    public List<DiagnosticCommand> commands(Caller caller) {
        return commands(allowlist.commands().stream()
                .filter(c -> Policy.decide(caller, c, allowlist).allowed())
                .toList());
    }

    @Override
    public List<DiagnosticCommand> commands() {
        return commands(allowlist.commands());
    }

    private static List<DiagnosticCommand> commands(List<CommandSpec> specs) {
        return specs.stream()
                .map(c -> new DiagnosticCommand(
                        c.id(),
                        c.description(),
                        c.params().values().stream().map(FormParams::of).toList(),
                        c.readOnly()))
                .toList();
    }

    @Override
    public Map<String, String> invalidParams(DiagnosticCall call) {
        return FormParams.rejected(allowlist.find(call.commandId()), call.params());
    }

    @Override
    public DiagnosticReport run(Caller caller, DiagnosticCall call) {
        Optional<CommandSpec> spec = allowlist.find(call.commandId());
        if (spec.isEmpty()) {
            return refuse(
                    caller,
                    call,
                    Decision.INVALID,
                    Reason.INVALID,
                    "Unknown diagnostic " + shown(call.commandId())
                            + ": it is not in the allowlist (list them with `diagnostics`).");
        }
        if (!targets.containsKey(call.agent())) {
            return refuse(
                    caller,
                    call,
                    Decision.INVALID,
                    Reason.INVALID,
                    "Unknown agent " + shown(call.agent()) + "; known: "
                            + String.join(
                                    ", ", targets.keySet().stream().sorted().toList()) + ".");
        }
        if (ArgumentValidator.validate(spec.get(), call.params()) instanceof Validation.Rejected rejected) {
            return refuse(caller, call, Decision.INVALID, Reason.INVALID, rejected.reason());
        }
        PolicyDecision policy = Policy.decide(caller, spec.get(), allowlist);
        if (!policy.allowed()) {
            return refuse(caller, call, Decision.DENIED, Reason.DENIED, policy.reason());
        }
        if (!rateLimiter.tryAcquire(caller)) {
            return refuse(
                    caller, call, Decision.BUSY, Reason.RATE_LIMITED, rateLimiter.refusal(caller.qualifiedUserId()));
        }
        if (Confirmations.needsConfirmation(spec.get())) {
            String token = confirmations.request(caller, spec.get(), call.agent(), call.params());
            String message = confirmationRequest(spec.get().id(), call, confirmations.window());
            write(
                    caller,
                    call,
                    AuditRecord.builder(Decision.CONFIRMATION_REQUIRED).reason(message));
            return new DiagnosticReport.NeedsConfirmation(message, call, token);
        }
        return execute(caller, call, spec.get());
    }

    @Override
    public DiagnosticReport confirm(Caller caller, String token) {
        ConfirmationResult result = confirmations.confirm(token, caller);
        if (result.pending().isEmpty()) {
            DiagnosticCall unknown = new DiagnosticCall(LOCAL, "", Map.of());
            return refuse(caller, unknown, Decision.DENIED, Reason.DENIED, result.reason());
        }
        PendingRun pending = result.pending().get();
        return execute(
                caller, new DiagnosticCall(pending.agent(), pending.spec().id(), pending.params()), pending.spec());
    }

    /**
     * Writes the started line (nothing runs when it cannot be written), runs, then writes the
     * finished line with the same run id.
     */
    private DiagnosticReport execute(Caller caller, DiagnosticCall call, CommandSpec spec) {
        String runId = AuditLog.newRunId();
        try {
            audit.ifPresent(log -> log.appendBeforeRun(
                    line(caller, call, AuditRecord.builder(Decision.STARTED).runId(runId))));
        } catch (AuditUnavailableException e) {
            return new DiagnosticReport.Refused(Reason.UNAVAILABLE, e.getMessage(), call);
        }
        long start = System.nanoTime();
        RunResult r;
        try {
            r = targets.get(call.agent()).run(spec, call.params(), caller);
        } catch (UserFacingException e) {
            Decision decision =
                    e instanceof AgentException agent ? AgentGateway.decision(agent.kind()) : Decision.ERROR;
            finished(
                    caller,
                    call,
                    AuditRecord.builder(decision)
                            .reason(e.getMessage())
                            .runId(runId)
                            .duration((System.nanoTime() - start) / 1_000_000));
            return new DiagnosticReport.Refused(Reason.UNAVAILABLE, Redactor.redact(e.getMessage()), call);
        }
        String stdout = Redactor.redact(r.stdout());
        String stderr = Redactor.redact(r.stderr());
        String summary = spec.id() + " on " + call.agent() + (r.timedOut() ? " timed out" : " exited " + r.exitCode())
                + " after " + r.durationMillis() + " ms";
        finished(
                caller,
                call,
                AuditRecord.builder(Decision.ALLOWED)
                        .reason(r.timedOut() ? "timed out" : "")
                        .ran(r.exitCode(), r.durationMillis(), r.outputBytes())
                        .timedOut(r.timedOut())
                        .runId(runId));
        return new DiagnosticReport.Ran(
                summary,
                call,
                r.exitCode(),
                stdout,
                stderr,
                r.stdoutTruncated() || r.stderrTruncated(),
                r.timedOut(),
                r.durationMillis());
    }

    /** The finished line; the run is on record by its started line, so a failure to write it is logged only. */
    private void finished(Caller caller, DiagnosticCall call, AuditRecord.Builder line) {
        audit.ifPresent(log -> log.appendAfterRun(line(caller, call, line)));
    }

    private DiagnosticReport refuse(
            Caller caller, DiagnosticCall call, Decision decision, Reason reason, String message) {
        write(caller, call, AuditRecord.builder(decision).reason(message));
        return new DiagnosticReport.Refused(reason, message, call);
    }

    /** Appends the audit line (flushed to disk) before the caller gets an answer. */
    private void write(Caller caller, DiagnosticCall call, AuditRecord.Builder line) {
        if (audit.isEmpty()) {
            return;
        }
        try {
            audit.get().append(line(caller, call, line));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the audit log " + audit.get().file(), e);
        }
    }

    private AuditRecord line(Caller caller, DiagnosticCall call, AuditRecord.Builder line) {
        return line.time(clock.instant())
                .who(caller.qualifiedUserId())
                .where(caller.channelId())
                .agent(call.agent())
                .command(call.commandId())
                .params(call.params())
                .build();
    }

    /** An untrusted value, quoted, escaped and cut short, safe to echo to the user. */
    private static String shown(String value) {
        return Echo.quote(value);
    }

    /** Assembles a {@link DiagnosticsService}. */
    public static final class Builder {
        private final Allowlist allowlist;
        private final Map<String, RunTarget> targets = new java.util.LinkedHashMap<>();
        private Optional<AuditLog> audit = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private int perMinute = 10;

        private Builder(Allowlist allowlist) {
            this.allowlist = allowlist;
        }

        /** Runs {@value Diagnostics#LOCAL} diagnostics on this host with {@code runner}. */
        public Builder local(io.runbookbot.agent.exec.CommandRunner runner) {
            targets.put(LOCAL, RunTarget.local(runner));
            return this;
        }

        /** Makes every agent of the gateway's registry a target, by name. */
        public Builder agents(AgentGateway gateway) {
            gateway.registry().agents().forEach(a -> targets.put(a.name(), RunTarget.agent(gateway, a.name())));
            return this;
        }

        public Builder audit(AuditLog log) {
            this.audit = Optional.of(log);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Runs per user per minute (default 10). */
        public Builder perMinute(int value) {
            this.perMinute = value;
            return this;
        }

        public DiagnosticsService build() {
            return new DiagnosticsService(allowlist, targets, RateLimiter.perMinute(perMinute, clock), audit, clock);
        }
    }

    /** "restart-service name=api changes something on web-1: only you can confirm it, within 5 minutes." */
    static String confirmationRequest(String id, DiagnosticCall call, java.time.Duration window) {
        StringBuilder what = new StringBuilder(id);
        new java.util.TreeMap<>(call.params())
                .forEach((k, v) -> what.append(' ').append(k).append('=').append(v));
        return Redactor.redact(what + " changes something on " + call.agent()
                + ": only the person who asked can confirm it, within " + DurationText.describe(window) + ".");
    }
}
