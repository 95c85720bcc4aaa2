package io.runbookbot.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * One request whose head and body have arrived, and its single answer: what a handler may ask of
 * the client's request (method, path, headers, peer address, body) and how it replies.
 */
public final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final @Nullable byte[] body;
    private final long readyAt = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();

    /** @param body the whole body, or null when it was larger than the limit or not wanted (and left unread) */
    Exchange(Request request, Response response, Callback callback, @Nullable byte[] body) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.body = body;
    }

    public String method() {
        return request.getMethod();
    }

    /** The path as sent, still percent-encoded. */
    public String path() {
        return request.getHttpURI().getPath();
    }

    /** The raw query string, without {@code ?}. */
    public Optional<String> query() {
        return Optional.ofNullable(request.getHttpURI().getQuery());
    }

    /** The request target as sent: path and, when present, {@code ?query}. */
    public String target() {
        return query().map(q -> path() + "?" + q).orElse(path());
    }

    /** Every value of a header (case-insensitive name), in order; empty when absent. */
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** All headers, names in lower case. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            all.computeIfAbsent(field.getLowerCaseName(), k -> new java.util.ArrayList<>())
                    .add(field.getValue());
        }
        all.replaceAll((k, v) -> List.copyOf(v));
        return all;
    }

    /** The client's IP address as the socket sees it ({@code -} if unknown); no forwarding header is trusted. */
    public String peer() {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : "-";
    }

    /**
     * The body, or empty when it was longer than the listener's limit or its {@link HeadCheck} did
     * not want it (then it was not read).
     */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body);
    }

    /** How long the request waited, with its body read, for a worker to take it. */
    public Duration waited() {
        return Duration.ofNanos(System.nanoTime() - readyAt);
    }

    /** Sets a header of the answer; call before {@link #respond}. */
    public void setResponseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public boolean answered() {
        return answered.get();
    }

    /**
     * Sends the answer; it is written without blocking the caller. A request whose body was too
     * large to read is answered with {@code Connection: close}.
     *
     * @throws IllegalStateException when the exchange was already answered
     */
    public void respond(int status, String contentType, byte[] content) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("already answered");
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, content.length);
        if (body == null) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(content), callback);
    }

    /** A plain-text answer, e.g. for refusals the listener makes itself. */
    void respondText(int status, String text) {
        respond(status, "text/plain; charset=utf-8", (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
