package io.runbookbot.diagnostics;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.audit.AuditRecord;
import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.InvalidSecretException;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The bot's door to its agents: looks agents up by name, resolves each one's secret on first use
 * (so one misconfigured agent does not stop the others), and, when given an audit log, writes one
 * line per run it sends, before returning the result. Thread-safe.
 */
public final class AgentGateway {
    private final AgentRegistry registry;
    private final Function<String, Optional<String>> env;
    private final HttpClient http;
    private final Clock clock;
    private final Optional<AuditLog> audit;
    private final ConcurrentMap<String, AgentClient> clients = new ConcurrentHashMap<>();

    /**
     * @param env the environment lookup handed down by the application, for {@code secret_env}
     */
    public AgentGateway(AgentRegistry registry, Function<String, Optional<String>> env, Optional<AuditLog> audit) {
        this(registry, env, AgentClient.newHttpClient(), Clock.systemUTC(), audit);
    }

    public AgentGateway(AgentRegistry registry, Function<String, Optional<String>> env, HttpClient http, Clock clock,
                        Optional<AuditLog> audit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.env = Objects.requireNonNull(env, "env");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public AgentRegistry registry() {
        return registry;
    }

    /** The client of agent {@code name}; unknown names and unusable secrets are user-facing errors. */
    public AgentClient client(String name) {
        AgentEntry entry = registry.require(name);
        return clients.computeIfAbsent(entry.name(), n -> {
            try {
                return new AgentClient(entry, entry.secret().resolve(env), http, clock);
            } catch (InvalidSecretException e) {
                throw new UserFacingException("agent " + n + " has no usable secret on the bot's side ("
                        + entry.secret().describe() + "): " + e.getMessage(), e);
            }
        });
    }

    public List<CommandDescription> commands(String agent) {
        return client(agent).commands();
    }

    /**
     * Runs a command on an agent, allowing {@code commandTimeout} plus {@link AgentClient#SLACK}.
     *
     * @param where the chat channel it was asked in, for the audit line
     */
    public RunResult run(String agent, RunRequest request, Duration commandTimeout, String where) {
        AgentClient client = client(agent);
        long start = System.nanoTime();
        try {
            RunResult result = client.run(request, AgentClient.timeoutFor(commandTimeout));
            write(line(Decision.ALLOWED, agent, request, where, result.timedOut() ? "timed out" : "")
                    .ran(result.exitCode(), result.durationMillis(), result.outputBytes()));
            return result;
        } catch (AgentException e) {
            write(line(decision(e.kind()), agent, request, where, e.getMessage())
                    .duration((System.nanoTime() - start) / 1_000_000));
            throw e;
        }
    }

    private AuditRecord.Builder line(Decision decision, String agent, RunRequest request, String where,
                                     String reason) {
        return AuditRecord.builder(decision).time(clock.instant()).who(request.caller()).where(where).agent(agent)
                .command(request.id()).params(request.params()).reason(reason);
    }

    private void write(AuditRecord.Builder line) {
        if (audit.isEmpty()) {
            return;
        }
        try {
            audit.get().append(line.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + audit.get().file(), e);
        }
    }

    static Decision decision(AgentException.Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> Decision.UNAUTHORIZED;
            case UNKNOWN_COMMAND -> Decision.DENIED;
            case INVALID -> Decision.INVALID;
            case BUSY -> Decision.BUSY;
            case UNREACHABLE, TIMEOUT, INTERNAL, MALFORMED -> Decision.ERROR;
        };
    }
}
