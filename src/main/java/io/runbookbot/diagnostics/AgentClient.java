package io.runbookbot.diagnostics;

import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.ErrorResponse;
import io.runbookbot.agent.protocol.HealthStatus;
import io.runbookbot.agent.protocol.MalformedMessageException;
import io.runbookbot.agent.protocol.RequestSigner;
import io.runbookbot.agent.protocol.ResponseLimits;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.diagnostics.AgentException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Calls one agent: every request signed, a 2 s connect timeout, a request timeout given per call,
 * and every failure turned into an {@link AgentException} with a message for the person who
 * asked. Thread-safe.
 */
public final class AgentClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Time allowed on top of a command's own timeout for the round trip. */
    public static final Duration SLACK = Duration.ofSeconds(5);
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_RESPONSE_BYTES = ResponseLimits.MAX_RESPONSE_BYTES;

    private final AgentEntry agent;
    private final RequestSigner signer;
    private final HttpClient http;

    public AgentClient(AgentEntry agent, SharedSecret secret) {
        this(agent, secret, newHttpClient(), Clock.systemUTC());
    }

    public AgentClient(AgentEntry agent, SharedSecret secret, HttpClient http, Clock clock) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.signer = new RequestSigner(secret, clock);
        this.http = Objects.requireNonNull(http, "http");
    }

    /** An HTTP client fit for agents: 2 s connect timeout, HTTP/1.1, no redirects. Share one. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The request timeout for a command that may run for {@code commandTimeout}: that plus {@link #SLACK}. */
    public static Duration timeoutFor(Duration commandTimeout) {
        return commandTimeout.plus(SLACK);
    }

    public AgentEntry agent() {
        return agent;
    }

    /** {@code GET /v1/health} (unsigned on the agent's side, signed anyway). */
    public HealthStatus health() {
        return call("GET", "/v1/health", new byte[0], LIST_TIMEOUT, AgentJson::healthStatus);
    }

    /** {@code GET /v1/commands}: what the agent's own allowlist offers. */
    public List<CommandDescription> commands() {
        return call("GET", "/v1/commands", new byte[0], LIST_TIMEOUT, AgentJson::commands);
    }

    /**
     * {@code POST /v1/run}.
     *
     * @param timeout the whole round trip; use {@link #timeoutFor} with the entry's timeout
     */
    public RunResult run(RunRequest request, Duration timeout) {
        return call("POST", "/v1/run", AgentJson.write(request), timeout, AgentJson::runResult);
    }

    private <T> T call(String method, String path, byte[] body, Duration timeout, Function<byte[], T> reader) {
        URI uri = agent.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body.length == 0 && "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            builder.header("Content-Type", "application/json");
        }
        signer.sign(method, target(uri), body).forEach(builder::header);
        HttpResponse<InputStream> response = send(builder.build(), timeout);
        byte[] bytes = read(response);
        if (response.statusCode() != 200) {
            throw AgentFailures.fromStatus(agent, response.statusCode(), error(bytes));
        }
        try {
            return reader.apply(bytes);
        } catch (MalformedMessageException e) {
            throw AgentFailures.malformed(agent, response.statusCode(), e);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, Duration timeout) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new AgentException(agent.name(), Kind.TIMEOUT, "agent " + agent.name() + " at " + agent.url()
                    + " did not accept a connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new AgentException(agent.name(), Kind.TIMEOUT, "agent " + agent.name() + " at " + agent.url()
                    + " did not answer within " + seconds(timeout) + "; the command may still be running there", e);
        } catch (ConnectException e) {
            throw AgentFailures.unreachable(agent, e);
        } catch (IOException e) {
            throw AgentFailures.connectionLost(agent, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(agent.name(), Kind.TIMEOUT, "the call to agent " + agent.name()
                    + " was interrupted", e);
        }
    }

    private byte[] read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new AgentException(agent.name(), Kind.MALFORMED, "agent " + agent.name() + " at " + agent.url()
                        + " sent a response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw AgentFailures.connectionLost(agent, e);
        }
    }

    private static ErrorResponse error(byte[] bytes) {
        try {
            return AgentJson.errorResponse(bytes);
        } catch (MalformedMessageException e) {
            return new ErrorResponse("", "");
        }
    }

    /** The raw request target the agent will see and verify. */
    private static String target(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
