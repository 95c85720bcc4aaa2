package io.runbookbot.agent.server;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.audit.AuditRecord;
import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.AuthFailure;
import io.runbookbot.agent.protocol.MalformedMessageException;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SignatureVerifier;
import io.runbookbot.http.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/run}: size limit, signature, content type, JSON, then the executor (which
 * re-validates against the allowlist). Every request, refused or not, gets exactly one audit line,
 * written and forced to disk before the reply is sent.
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

    /** The decision on one request, before it is audited and sent. */
    private record Verdict(Reply reply, Decision decision, String reason, @Nullable RunRequest request,
                           boolean authenticated, @Nullable RunResult result) {
    }

    RunHandler(AgentSettings settings, CommandExecutor executor, SignatureVerifier verifier, AuditLog audit) {
        this.settings = settings;
        this.executor = executor;
        this.verifier = verifier;
        this.audit = audit;
    }

    /** Decides, audits, and returns the reply to send; throws only when the audit line cannot be written. */
    Reply handle(Exchange ex, Duration queued) throws IOException {
        Verdict verdict;
        try {
            verdict = decide(ex, queued);
        } catch (IOException | RuntimeException e) {
            String incident = Exchanges.newIncidentId();
            LOG.error("incident {}: /v1/run failed", incident, e);
            verdict = new Verdict(Reply.internal(incident), Decision.ERROR, "internal error, incident " + incident,
                    null, false, null);
        }
        audit.append(record(verdict, Exchanges.peer(ex)));
        return verdict.reply();
    }

    private Verdict decide(Exchange ex, Duration queued) throws IOException {
        if (!"POST".equals(ex.method())) {
            ex.setResponseHeader("Allow", "POST");
            return refused(405, "bad_request", "use POST for /v1/run", false);
        }
        Optional<byte[]> body = Exchanges.readBody(ex, settings.maxBodyBytes());
        if (body.isEmpty()) {
            return refused(413, "bad_request", "request body is larger than " + settings.maxBodyBytes() + " bytes",
                    false);
        }
        Optional<AuthFailure> failure = Exchanges.authenticate(verifier, ex, body.get());
        if (failure.isPresent()) {
            return unauthenticated(failure.get(), body.get());
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
            return answer(429, "busy", Decision.BUSY, "busy: the request waited " + queued.toMillis()
                    + " ms for a free worker; nothing was run, try again shortly", request);
        }
        return run(request);
    }

    private Verdict run(RunRequest request) {
        RunOutcome outcome = executor.run(request);
        if (outcome instanceof RunOutcome.Completed c) {
            String reason = c.result().timedOut() ? "timed out; killed with its children" : "";
            return new Verdict(Reply.ok(c.result()), Decision.ALLOWED, reason, request, true, c.result());
        } else if (outcome instanceof RunOutcome.UnknownCommand u) {
            return answer(404, "unknown_command", Decision.DENIED, u.reason(), request);
        } else if (outcome instanceof RunOutcome.InvalidParams i) {
            return answer(400, "invalid_params", Decision.INVALID, i.reason(), request);
        }
        return answer(429, "busy", Decision.BUSY, ((RunOutcome.Busy) outcome).reason(), request);
    }

    private static Verdict answer(int status, String code, Decision decision, String reason, RunRequest request) {
        return new Verdict(Reply.error(status, code, reason), decision, reason, request, true, null);
    }

    private static Verdict refused(int status, String code, String reason, boolean authenticated) {
        return new Verdict(Reply.error(status, code, reason), Decision.INVALID, reason, null, authenticated, null);
    }

    /** 401 (or 429 when the replay guard is full); what the body claims is kept for the audit line. */
    private static Verdict unauthenticated(AuthFailure failure, byte[] body) {
        RunRequest claimed = null;
        try {
            claimed = AgentJson.runRequest(body);
        } catch (MalformedMessageException e) {
            // nothing readable to record
        }
        if (failure == AuthFailure.REPLAY_GUARD_FULL) {
            return new Verdict(Reply.error(429, "busy", failure.reason()), Decision.BUSY, failure.reason(), claimed,
                    false, null);
        }
        return new Verdict(Reply.error(401, "unauthorized", failure.reason()), Decision.UNAUTHORIZED,
                failure.reason(), claimed, false, null);
    }

    private AuditRecord record(Verdict v, String peer) {
        AuditRecord.Builder b = AuditRecord.builder(v.decision()).agent(settings.agentName()).peer(peer)
                .reason(v.reason());
        RunRequest request = v.request();
        if (request != null) {
            b.who(v.authenticated() ? request.caller() : UNAUTHENTICATED).command(request.id())
                    .params(request.params());
        } else if (!v.authenticated()) {
            b.who(UNAUTHENTICATED).params(Map.of());
        }
        RunResult result = v.result();
        if (result != null) {
            b.ran(result.exitCode(), result.durationMillis(), result.outputBytes());
        }
        return b.build();
    }
}
