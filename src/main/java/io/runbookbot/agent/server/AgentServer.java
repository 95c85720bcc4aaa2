package io.runbookbot.agent.server;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.audit.RefusalAudit;
import io.runbookbot.agent.protocol.AuthFailure;
import io.runbookbot.agent.protocol.HealthStatus;
import io.runbookbot.agent.protocol.SignatureVerifier;
import io.runbookbot.http.Exchange;
import io.runbookbot.http.HttpLimits;
import io.runbookbot.http.HttpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP API on an {@link HttpListener}:
 * <ul>
 *   <li>{@code GET /v1/health}: {@code {"status":"ok","commands":N}}, unsigned, tells nothing else;</li>
 *   <li>{@code GET /v1/metrics}: unsigned counters of refused unauthenticated run requests by kind
 *       ({@code refusals}), their total, and how many of them got no audit line of their own;</li>
 *   <li>{@code GET /v1/commands}: the allowlist as {@code CommandDescription}s, signed;</li>
 *   <li>{@code POST /v1/run}: a {@code RunRequest}, signed, answered with a {@code RunResult} or an
 *       {@code ErrorResponse} (see {@link RunHandler}).</li>
 * </ul>
 * Requests are handled on a bounded pool (a few more threads than runs allowed at once, so that
 * refusals and health checks stay quick while commands run); when its queue is full the answer is
 * 503. A run request that waited in that queue longer than {@link AgentSettings#queueWait()} plus a
 * second is answered 429 rather than run after its caller may have given up. Heads and bodies are
 * read by the listener under deadlines and connection caps ({@link #limits}), so idle or slow
 * clients hold no worker.
 */
public final class AgentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
    private static final int EXTRA_THREADS = 16;
    private static final int QUEUE = 256;
    /**
     * Connections held at once: in total, and from one address. A bot may open a connection per
     * request in flight (50 at once in AgentBenchmarkTest); idle connections hold no thread and are
     * closed after the head deadline, so the cap only has to stop one address taking them all.
     */
    private static final int MAX_CONNECTIONS = 512;

    private static final int MAX_CONNECTIONS_PER_CLIENT = 128;

    private final AgentSettings settings;
    private final CommandExecutor executor;
    private final SignatureVerifier verifier;
    private final RunHandler runs;
    private final RefusalAudit refusals;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final HttpListener http;

    private AgentServer(AgentSettings settings, CommandExecutor executor, SignatureVerifier verifier, AuditLog audit)
            throws IOException {
        this.settings = settings;
        this.executor = executor;
        this.verifier = verifier;
        this.refusals = RefusalAudit.over(audit);
        this.runs = new RunHandler(settings, executor, verifier, audit, refusals);
        this.http =
                HttpListener.start("agent-http", settings.listen(), limits(settings), this::wantsBody, this::handle);
    }

    /** Binds and starts serving. The caller keeps ownership of the audit log and closes it after this. */
    public static AgentServer start(
            AgentSettings settings, CommandExecutor executor, SignatureVerifier verifier, AuditLog audit)
            throws IOException {
        Objects.requireNonNull(settings, "settings");
        return new AgentServer(
                settings,
                Objects.requireNonNull(executor, "executor"),
                Objects.requireNonNull(verifier, "verifier"),
                Objects.requireNonNull(audit, "audit"));
    }

    /** The listener's limits: the agent's body limit, and a worker for each run slot and then some. */
    static HttpLimits limits(AgentSettings settings) {
        return HttpLimits.defaults()
                .withMaxBodyBytes(settings.maxBodyBytes())
                .withWorkers(settings.maxConcurrent() + EXTRA_THREADS, QUEUE)
                .withConnections(MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT);
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.address();
    }

    /** Connections held, refused and timed out so far. */
    public HttpListener.Stats stats() {
        return http.stats();
    }

    private void handle(Exchange ex) {
        inFlight.incrementAndGet();
        try {
            Exchanges.send(ex, route(ex));
        } catch (IOException | RuntimeException e) {
            failed(ex, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply route(Exchange ex) throws IOException {
        if (closing.get()) {
            return Reply.error(503, "busy", "the agent is shutting down");
        }
        return switch (ex.path()) {
            case "/v1/health" -> health(ex);
            case "/v1/commands" -> commands(ex);
            case "/v1/metrics" -> metrics(ex);
            case "/v1/run" -> runs.handle(ex, ex.waited());
            default ->
                Reply.error(404, "not_found", "no such endpoint; use /v1/health, /v1/metrics, /v1/commands or /v1/run");
        };
    }

    private Reply health(Exchange ex) {
        if (!"GET".equals(ex.method())) {
            return methodNotAllowed(ex, "GET");
        }
        return Reply.ok(HealthStatus.ok(executor.list().size()));
    }

    /**
     * A run request that will be refused from its head (wrong method, missing, malformed or stale
     * authentication headers) is refused without reading its body.
     */
    private boolean wantsBody(String method, String path, Function<String, List<String>> headers) {
        return !path.equals("/v1/run")
                || "POST".equals(method) && verifier.checkHeaders(headers).isEmpty();
    }

    private Reply metrics(Exchange ex) {
        if (!"GET".equals(ex.method())) {
            return methodNotAllowed(ex, "GET");
        }
        Map<String, Long> counts = refusals.counts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "refusals_total",
                counts.values().stream().mapToLong(Long::longValue).sum());
        body.put("refusals", counts);
        body.put("refusal_lines_suppressed", refusals.suppressed());
        return Reply.ok(body);
    }

    private Reply commands(Exchange ex) throws IOException {
        if (!"GET".equals(ex.method())) {
            return methodNotAllowed(ex, "GET");
        }
        Optional<byte[]> body = Exchanges.readBody(ex, settings.maxBodyBytes());
        if (body.isEmpty()) {
            return Reply.error(413, "bad_request", "request body is larger than " + settings.maxBodyBytes() + " bytes");
        }
        Optional<AuthFailure> failure = Exchanges.authenticate(verifier, ex, body.get());
        if (failure.isPresent()) {
            int status = failure.get() == AuthFailure.REPLAY_GUARD_FULL ? 429 : 401;
            return Reply.error(
                    status,
                    status == 429 ? "busy" : "unauthorized",
                    failure.get().reason());
        }
        return Reply.ok(executor.list());
    }

    private static Reply methodNotAllowed(Exchange ex, String allowed) {
        ex.setResponseHeader("Allow", allowed);
        return Reply.error(405, "bad_request", "use " + allowed + " for " + ex.path());
    }

    /** Logs with an incident id and answers 500, unless the response was already under way. */
    private static void failed(Exchange ex, Exception e) {
        String incident = Exchanges.newIncidentId();
        LOG.error("incident {}: {} {} failed", incident, ex.method(), ex.path(), e);
        if (!ex.answered()) {
            try {
                Exchanges.send(ex, Reply.internal(incident));
            } catch (IOException | RuntimeException again) {
                LOG.debug("incident {}: could not send the 500 answer", incident, again);
            }
        }
    }

    /**
     * Stops accepting work (new requests get 503), waits up to the shutdown grace for requests in
     * flight to finish, then stops the server.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("stopping with {} request(s) still in flight after {}", inFlight.get(), settings.shutdownGrace());
        }
        http.close();
        refusals.close();
    }
}
