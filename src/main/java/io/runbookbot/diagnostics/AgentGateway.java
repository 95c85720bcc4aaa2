package io.runbookbot.diagnostics;

import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.InvalidSecretException;
import io.runbookbot.core.UserFacingException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The bot's door to its agents: looks agents up by name and resolves each one's secret on first
 * use (so one misconfigured agent does not stop the others). Auditing is the caller's job
 * ({@link DiagnosticsService} writes one line per request, whatever the outcome). Thread-safe.
 */
public final class AgentGateway {
    private final AgentRegistry registry;
    private final Function<String, Optional<String>> env;
    private final HttpClient http;
    private final Clock clock;
    private final ConcurrentMap<String, AgentClient> clients = new ConcurrentHashMap<>();

    /**
     * @param env the environment lookup handed down by the application, for {@code secret_env}
     */
    public AgentGateway(AgentRegistry registry, Function<String, Optional<String>> env) {
        this(registry, env, AgentClient.newHttpClient(), Clock.systemUTC());
    }

    public AgentGateway(AgentRegistry registry, Function<String, Optional<String>> env, HttpClient http, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.env = Objects.requireNonNull(env, "env");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
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
                throw new UserFacingException(
                        "agent " + n + " has no usable secret on the bot's side ("
                                + entry.secret().describe() + "): " + e.getMessage(),
                        e);
            }
        });
    }

    public List<CommandDescription> commands(String agent) {
        return client(agent).commands();
    }

    /** The audit decision for an agent's refusal or failure. */
    static Decision decision(AgentException.Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED, UNVERIFIED -> Decision.UNAUTHORIZED;
            case UNKNOWN_COMMAND -> Decision.DENIED;
            case INVALID -> Decision.INVALID;
            case BUSY -> Decision.BUSY;
            case UNREACHABLE, TIMEOUT, INTERNAL, MALFORMED -> Decision.ERROR;
        };
    }
}
