package io.runbookbot.diagnostics;

import io.runbookbot.diagnostics.AgentException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with an agent under one deadline: connecting, the headers and the whole body
 * must all be done within the timeout, so an agent (or a man in the middle) that drips its answer
 * cannot hold a run. On the deadline the exchange is cancelled, which closes its connection.
 */
final class AgentExchange {
    private final AgentEntry agent;
    private final HttpClient http;

    AgentExchange(AgentEntry agent, HttpClient http) {
        this.agent = agent;
        this.http = http;
    }

    /** The response with its whole body (at most {@link AgentClient#MAX_RESPONSE_BYTES}). */
    HttpResponse<byte[]> send(HttpRequest request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, BoundedBody.handler(AgentClient.MAX_RESPONSE_BYTES));
        try {
            return pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw tooSlow(timeout, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new AgentException(
                    agent.name(), Kind.TIMEOUT, "the call to agent " + agent.name() + " was interrupted", e);
        } catch (ExecutionException e) {
            throw failed(cause(e), timeout);
        }
    }

    private AgentException failed(Throwable cause, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new AgentException(
                    agent.name(),
                    Kind.TIMEOUT,
                    "agent " + agent.name() + " at " + agent.url() + " did not accept a connection within "
                            + AgentClient.CONNECT_TIMEOUT.toSeconds() + " s",
                    cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return tooSlow(timeout, cause);
        }
        if (cause instanceof BoundedBody.TooLarge) {
            return new AgentException(
                    agent.name(),
                    Kind.MALFORMED,
                    "agent " + agent.name() + " at " + agent.url() + " sent a response larger than "
                            + AgentClient.MAX_RESPONSE_BYTES + " bytes",
                    cause);
        }
        if (cause instanceof ConnectException c) {
            return AgentFailures.unreachable(agent, c);
        }
        return AgentFailures.connectionLost(agent, cause instanceof IOException io ? io : new IOException(cause));
    }

    private AgentException tooSlow(Duration timeout, Throwable cause) {
        return new AgentException(
                agent.name(),
                Kind.TIMEOUT,
                "agent " + agent.name() + " at " + agent.url() + " did not answer within " + seconds(timeout)
                        + "; the command may still be running there",
                cause);
    }

    private static Throwable cause(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
