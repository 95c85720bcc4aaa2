package io.runbookbot.agent.server;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.audit.AuditRecord;
import io.runbookbot.agent.audit.AuditUnavailableException;
import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.audit.RefusalAudit;
import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.AuthFailure;
import io.runbookbot.agent.protocol.MalformedMessageException;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SignatureVerifier;
import io.runbookbot.http.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/run}: method, authentication headers (before the body is read), size limit,
 * signature, content type, JSON, then the executor (which re-validates against the allowlist).
 * Audit, every line forced to disk before the reply is sent:
 * <ul>
 *   <li>a run gets a "started" line before its process starts (when that line cannot be written,
 *       nothing runs and the answer is 503 {@code audit_unavailable}) and a finished line with the
 *       same {@code run_id} after;</li>
 *   <li>an authenticated refusal gets one line;</li>
 *   <li>an unauthenticated refusal goes to {@link RefusalAudit}: counted always, a line only for the
 *       first few of each kind per minute, nothing of its body recorded.</li>
 * </ul>
 */
final class RunHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RunHandler.class);
    private static final String UNAUTHENTICATED = "(unauthenticated)";
    /** Time a request may spend waiting for a worker thread beyond the queue wait, before 429. */
    private static final Duration QUEUE_GRACE = Duration.ofSeconds(1);

    private final AgentSettings settings;
    private final CommandExecutor executor;
    private final SignatureVerifier verifier;
    private final AuditLog audit;
    private final RefusalAudit refusals;

    /**
     * The decision on one request, before it is audited and sent.
     *
     * @param refusal for an unauthenticated refusal its kind (the line goes to {@link RefusalAudit}), else ""
     * @param runId   when a run was started (or refused for want of its started line), its id, else ""
     */
    private record Verdict(
            Reply reply,
            Decision decision,
            String reason,
            @Nullable RunRequest request,
            boolean authenticated,
            @Nullable RunResult result,
            String refusal,
            String runId) {}

    RunHandler(
            AgentSettings settings,
            CommandExecutor executor,
            SignatureVerifier verifier,
            AuditLog audit,
            RefusalAudit refusals) {
        this.settings = settings;
        this.executor = executor;
        this.verifier = verifier;
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Decides, audits, and returns the reply to send; throws only when the audit line cannot be written. */
    Reply handle(Exchange ex, Duration queued) throws IOException {
        Verdict verdict;
        try {
            verdict = decide(ex, queued);
        } catch (IOException | RuntimeException e) {
            String incident = Exchanges.newIncidentId();
            LOG.error("incident {}: /v1/run failed", incident, e);
            verdict = new Verdict(
                    Reply.internal(incident),
                    Decision.ERROR,
                    "internal error, incident " + incident,
                    null,
                    false,
                    null,
                    "",
                    "");
        }
        AuditRecord line = record(verdict, Exchanges.peer(ex));
        if (!verdict.refusal().isEmpty()) {
            refusals.refused(verdict.refusal(), line);
        } else if (!verdict.runId().isEmpty()) {
            audit.appendAfterRun(line);
        } else {
            audit.append(line);
        }
        return verdict.reply();
    }

    private Verdict decide(Exchange ex, Duration queued) throws IOException {
        if (!"POST".equals(ex.method())) {
            ex.setResponseHeader("Allow", "POST");
            return unauthenticated(405, "bad_request", "use POST for /v1/run", "method");
        }
        Optional<AuthFailure> early = verifier.checkHeaders(Exchanges.headers(ex));
        if (early.isPresent()) {
            return unauthenticated(early.get());
        }
        Optional<byte[]> body = Exchanges.readBody(ex, settings.maxBodyBytes());
        if (body.isEmpty()) {
            return unauthenticated(
                    413,
                    "bad_request",
                    "request body is larger than " + settings.maxBodyBytes() + " bytes",
                    "too_large");
        }
        Optional<AuthFailure> failure = Exchanges.authenticate(verifier, ex, body.get());
        if (failure.isPresent()) {
            return unauthenticated(failure.get());
        }
        if (!Exchanges.isJson(ex)) {
            return refused(415, "bad_request", "Content-Type must be application/json", true);
        }
        RunRequest request;
        try {
            request = AgentJson.runRequest(body.get());
        } catch (MalformedMessageException e) {
            return refused(400, "bad_request", "body is " + e.getMessage(), true);
        }
        if (queued.compareTo(settings.queueWait().plus(QUEUE_GRACE)) > 0) {
            return answer(
                    429,
                    "busy",
                    Decision.BUSY,
                    "busy: the request waited " + queued.toMillis()
                            + " ms for a free worker; nothing was run, try again shortly",
                    request);
        }
        return run(request, Exchanges.peer(ex));
    }

    private Verdict run(RunRequest request, String peer) {
        String runId = AuditLog.newRunId();
        RunOutcome outcome;
        try {
            outcome = executor.run(request, () -> audit.appendBeforeRun(started(request, runId, peer)));
        } catch (AuditUnavailableException e) {
            return new Verdict(
                    Reply.error(503, "audit_unavailable", e.getMessage()),
                    Decision.ERROR,
                    e.getMessage(),
                    request,
                    true,
                    null,
                    "",
                    runId);
        } catch (RuntimeException e) {
            String incident = Exchanges.newIncidentId();
            LOG.error("incident {}: run {} of {} failed", incident, runId, request.id(), e);
            return new Verdict(
                    Reply.internal(incident),
                    Decision.ERROR,
                    "internal error, incident " + incident,
                    request,
                    true,
                    null,
                    "",
                    runId);
        }
        return outcome.accept(new RunOutcome.Visitor<Verdict>() {
            @Override
            public Verdict completed(RunOutcome.Completed c) {
                String reason = c.result().timedOut() ? "timed out; killed with its children" : "";
                return new Verdict(
                        Reply.ok(c.result()), Decision.ALLOWED, reason, request, true, c.result(), "", runId);
            }

            @Override
            public Verdict unknownCommand(RunOutcome.UnknownCommand u) {
                return answer(404, "unknown_command", Decision.DENIED, u.reason(), request);
            }

            @Override
            public Verdict invalidParams(RunOutcome.InvalidParams i) {
                return answer(400, "invalid_params", Decision.INVALID, i.reason(), request);
            }

            @Override
            public Verdict busy(RunOutcome.Busy b) {
                return answer(429, "busy", Decision.BUSY, b.reason(), request);
            }
        });
    }

    private static Verdict answer(int status, String code, Decision decision, String reason, RunRequest request) {
        return new Verdict(Reply.error(status, code, reason), decision, reason, request, true, null, "", "");
    }

    private static Verdict refused(int status, String code, String reason, boolean authenticated) {
        return new Verdict(
                Reply.error(status, code, reason), Decision.INVALID, reason, null, authenticated, null, "", "");
    }

    /** Refused before the request was authenticated: counted, audited within the refusal budget. */
    private static Verdict unauthenticated(int status, String code, String reason, String kind) {
        return new Verdict(Reply.error(status, code, reason), Decision.INVALID, reason, null, false, null, kind, "");
    }

    /**
     * 401 (or 429 when the replay guard is full). Nothing of the body is recorded: whoever sent it
     * is unknown, and its claims would only let an attacker fill the audit log.
     */
    private static Verdict unauthenticated(AuthFailure failure) {
        String kind = failure.name().toLowerCase(Locale.ROOT);
        if (failure == AuthFailure.REPLAY_GUARD_FULL) {
            return new Verdict(
                    Reply.error(429, "busy", failure.reason()),
                    Decision.BUSY,
                    failure.reason(),
                    null,
                    false,
                    null,
                    kind,
                    "");
        }
        return new Verdict(
                Reply.error(401, "unauthorized", failure.reason()),
                Decision.UNAUTHORIZED,
                failure.reason(),
                null,
                false,
                null,
                kind,
                "");
    }

    private AuditRecord started(RunRequest request, String runId, String peer) {
        return AuditRecord.builder(Decision.STARTED)
                .agent(settings.agentName())
                .peer(peer)
                .who(request.caller())
                .command(request.id())
                .params(request.params())
                .runId(runId)
                .build();
    }

    private AuditRecord record(Verdict v, String peer) {
        AuditRecord.Builder b = AuditRecord.builder(v.decision())
                .agent(settings.agentName())
                .peer(peer)
                .reason(v.reason())
                .runId(v.runId());
        RunRequest request = v.request();
        if (request != null) {
            b.who(v.authenticated() ? request.caller() : UNAUTHENTICATED)
                    .command(request.id())
                    .params(request.params());
        } else if (!v.authenticated()) {
            b.who(UNAUTHENTICATED).params(Map.of());
        }
        RunResult result = v.result();
        if (result != null) {
            b.ran(result.exitCode(), result.durationMillis(), result.outputBytes())
                    .timedOut(result.timedOut());
        }
        return b.build();
    }
}
