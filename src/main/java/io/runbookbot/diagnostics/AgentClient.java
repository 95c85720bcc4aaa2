package io.runbookbot.diagnostics;

import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.ErrorResponse;
import io.runbookbot.agent.protocol.HealthStatus;
import io.runbookbot.agent.protocol.MalformedMessageException;
import io.runbookbot.agent.protocol.RequestSigner;
import io.runbookbot.agent.protocol.ResponseFailure;
import io.runbookbot.agent.protocol.ResponseLimits;
import io.runbookbot.agent.protocol.ResponseVerifier;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls one agent: every request signed, every answer to it checked against its signature (except
 * {@code /v1/health}, which is unsigned by design), a 2 s connect timeout and one deadline for the
 * whole exchange (connect, headers and body), and every failure turned into an
 * {@link AgentException} with a message for the person who asked. Thread-safe.
 */
public final class AgentClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Time allowed on top of a command's own timeout for the round trip. */
    public static final Duration SLACK = Duration.ofSeconds(5);

    static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_RESPONSE_BYTES = ResponseLimits.MAX_RESPONSE_BYTES;

    private final AgentEntry agent;
    private final RequestSigner signer;
    private final ResponseVerifier answers;
    private final AgentExchange exchange;

    public AgentClient(AgentEntry agent, SharedSecret secret) {
        this(agent, secret, newHttpClient(), Clock.systemUTC());
    }

    public AgentClient(AgentEntry agent, SharedSecret secret, HttpClient http, Clock clock) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.signer = new RequestSigner(secret, clock);
        this.answers = new ResponseVerifier(secret, clock);
        this.exchange = new AgentExchange(agent, Objects.requireNonNull(http, "http"));
    }

    /** An HTTP client fit for agents: 2 s connect timeout, HTTP/1.1, no redirects. Share one. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The request timeout for a command that may run for {@code commandTimeout}: that plus {@link #SLACK}. */
    public static Duration timeoutFor(Duration commandTimeout) {
        return commandTimeout.plus(SLACK);
    }

    public AgentEntry agent() {
        return agent;
    }

    /** {@code GET /v1/health}: unsigned on the agent's side (it tells only liveness), signed anyway. */
    public HealthStatus health() {
        return call("GET", "/v1/health", new byte[0], LIST_TIMEOUT, AgentJson::healthStatus, false);
    }

    /** {@code GET /v1/commands}: what the agent's own allowlist offers. */
    public List<CommandDescription> commands() {
        return call("GET", "/v1/commands", new byte[0], LIST_TIMEOUT, AgentJson::commands, true);
    }

    /**
     * {@code POST /v1/run}.
     *
     * @param timeout the whole round trip; use {@link #timeoutFor} with the entry's timeout
     */
    public RunResult run(RunRequest request, Duration timeout) {
        return call("POST", "/v1/run", AgentJson.write(request), timeout, AgentJson::runResult, true);
    }

    private <T> T call(
            String method,
            String path,
            byte[] body,
            Duration timeout,
            Function<byte[], T> reader,
            boolean signedAnswer) {
        URI uri = agent.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(
                        method,
                        body.length == 0 && "GET".equals(method)
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            builder.header("Content-Type", "application/json");
        }
        Map<String, String> auth = signer.sign(method, target(uri), body);
        auth.forEach(builder::header);
        HttpResponse<byte[]> response = exchange.send(builder.build(), timeout);
        int status = response.statusCode();
        byte[] bytes = response.body();
        Optional<ResponseFailure> untrusted = signedAnswer
                ? answers.verify(auth, status, bytes, name -> response.headers().allValues(name))
                : Optional.empty();
        if (status != 200) {
            ErrorResponse error = error(bytes);
            if (untrusted.isPresent() && !mayBeUnsigned(untrusted.get(), status, error)) {
                throw AgentFailures.untrusted(agent, status, untrusted.get());
            }
            throw AgentFailures.fromStatus(agent, status, error);
        }
        if (untrusted.isPresent()) {
            throw AgentFailures.untrusted(agent, status, untrusted.get());
        }
        try {
            return reader.apply(bytes);
        } catch (MalformedMessageException e) {
            throw AgentFailures.malformed(agent, status, e);
        }
    }

    /**
     * The refusals an agent gives before it has authenticated a request go out unsigned: 401, 405,
     * 413, 429, 500, 503 and 404 for an unknown endpoint. A man in the middle can forge these (as he
     * can cut the connection), but never a result: a 200, or a refusal that only comes after
     * authentication, must be signed.
     */
    private static boolean mayBeUnsigned(ResponseFailure failure, int status, ErrorResponse error) {
        return failure == ResponseFailure.UNSIGNED
                && (status == 401
                        || status == 405
                        || status == 413
                        || status == 429
                        || status == 500
                        || status == 503
                        || status == 404 && "not_found".equals(error.error()));
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
}
