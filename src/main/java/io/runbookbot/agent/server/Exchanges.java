package io.runbookbot.agent.server;

import com.sun.net.httpserver.HttpExchange;
import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.AuthFailure;
import io.runbookbot.agent.protocol.Authentication;
import io.runbookbot.agent.protocol.ResponseSeal;
import io.runbookbot.agent.protocol.SignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Small helpers over {@link HttpExchange}: capped body reads, JSON replies, request facts. */
final class Exchanges {
    private static final String JSON = "application/json; charset=utf-8";
    /**
     * The seal of each exchange whose request was authenticated, until the exchange is collected.
     * (Not an exchange attribute: {@code HttpExchange} attributes are shared by the whole context.)
     */
    private static final Map<HttpExchange, ResponseSeal> SEALS = Collections.synchronizedMap(new WeakHashMap<>());

    private Exchanges() {
    }

    /** The body, or empty when it is longer than {@code max} bytes (then it is not read further). */
    static Optional<byte[]> readBody(HttpExchange ex, int max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > max) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > max) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toByteArray());
    }

    static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] body = AgentJson.write(reply.body());
        ex.getResponseHeaders().set("Content-Type", JSON);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        Optional.ofNullable(SEALS.get(ex)).ifPresent(seal -> seal.headers(reply.status(), body)
                .forEach(ex.getResponseHeaders()::set));
        if (reply.status() == 413) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        ex.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** The raw request target as the client sent it: path and, when present, {@code ?query}. */
    static String target(HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    static String peer(HttpExchange ex) {
        InetSocketAddress remote = ex.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "-" : remote.getAddress().getHostAddress();
    }

    static Function<String, List<String>> headers(HttpExchange ex) {
        return name -> Optional.ofNullable(ex.getRequestHeaders().get(name)).map(List::copyOf).orElse(List.of());
    }

    /** True for {@code application/json}, optionally with {@code charset=utf-8}. */
    static boolean isJson(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null) {
            return false;
        }
        String[] parts = type.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().replace("\"", "");
            if (!p.isEmpty() && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The signature check of a request whose body has been read. When it passes, every answer
     * {@link #send} gives to this exchange is signed and bound to this request.
     */
    static Optional<AuthFailure> authenticate(SignatureVerifier verifier, HttpExchange ex, byte[] body) {
        Authentication auth = verifier.authenticate(ex.getRequestMethod(), target(ex), body, headers(ex));
        if (auth instanceof Authentication.Accepted accepted) {
            SEALS.put(ex, accepted.seal());
            return Optional.empty();
        }
        return Optional.of(((Authentication.Refused) auth).failure());
    }

    static String newIncidentId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
    }
}
