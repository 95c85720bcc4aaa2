package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.AgentJson;
import io.runbookbot.agent.protocol.AuthFailure;
import io.runbookbot.agent.protocol.Authentication;
import io.runbookbot.agent.protocol.ResponseSeal;
import io.runbookbot.agent.protocol.SignatureVerifier;
import io.runbookbot.http.Exchange;
import java.io.IOException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Small helpers over {@link Exchange}: capped bodies, JSON replies, request facts. */
final class Exchanges {
    private static final String JSON = "application/json; charset=utf-8";
    /**
     * The seal of each exchange whose request was authenticated, until the exchange is collected.
     */
    private static final Map<Exchange, ResponseSeal> SEALS = Collections.synchronizedMap(new WeakHashMap<>());

    private Exchanges() {}

    /**
     * The body, or empty when it is longer than {@code max} bytes (the listener, whose limit is the
     * same, then left it unread).
     */
    static Optional<byte[]> readBody(Exchange ex, int max) throws IOException {
        return ex.body().filter(body -> body.length <= max);
    }

    static void send(Exchange ex, Reply reply) throws IOException {
        byte[] body = AgentJson.write(reply.body());
        ex.setResponseHeader("Cache-Control", "no-store");
        ex.setResponseHeader("X-Content-Type-Options", "nosniff");
        Optional.ofNullable(SEALS.get(ex))
                .ifPresent(seal -> seal.headers(reply.status(), body).forEach(ex::setResponseHeader));
        if (reply.status() == 413) {
            ex.setResponseHeader("Connection", "close");
        }
        ex.respond(reply.status(), JSON, body);
    }

    /** The raw request target as the client sent it: path and, when present, {@code ?query}. */
    static String target(Exchange ex) {
        return ex.target();
    }

    static String peer(Exchange ex) {
        return ex.peer();
    }

    static Function<String, List<String>> headers(Exchange ex) {
        return ex::headers;
    }

    /** True for {@code application/json}, optionally with {@code charset=utf-8}. */
    static boolean isJson(Exchange ex) {
        Optional<String> header = ex.header("Content-Type");
        if (header.isEmpty()) {
            return false;
        }
        String type = header.get();
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
    static Optional<AuthFailure> authenticate(SignatureVerifier verifier, Exchange ex, byte[] body) {
        Authentication auth = verifier.authenticate(ex.method(), target(ex), body, headers(ex));
        if (auth instanceof Authentication.Accepted accepted) {
            SEALS.put(ex, accepted.seal());
            return Optional.empty();
        }
        return Optional.of(((Authentication.Refused) auth).failure());
    }

    static String newIncidentId() {
        return HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextLong())
                .substring(0, 12);
    }
}
