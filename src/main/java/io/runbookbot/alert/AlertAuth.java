package io.runbookbot.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who may post alerts: the {@code Authorization} header Alertmanager's {@code http_config} sends,
 * either {@code Bearer <token>} ({@code authorization: {credentials: ...}}) or
 * {@code Basic base64(user:token)} ({@code basic_auth}, any user name), checked against one shared
 * token in constant time (both sides are hashed first, so not even the length leaks).
 * {@link #none()} lets every request in; the wiring only allows it on a loopback-only listener
 * that the operator switched off explicitly.
 */
public final class AlertAuth {
    /** Longer headers are refused before any decoding. */
    static final int MAX_HEADER = 4096;

    private final byte @Nullable [] expected;

    private AlertAuth(byte @Nullable [] expected) {
        this.expected = expected;
    }

    /** Requests must carry {@code token}, as a bearer token or a basic-auth password. */
    public static AlertAuth token(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the alert token must not be blank");
        }
        return new AlertAuth(sha256(token));
    }

    /** No authentication at all. */
    public static AlertAuth none() {
        return new AlertAuth(null);
    }

    public boolean required() {
        return expected != null;
    }

    /** Whether a request with this {@code Authorization} header (null when absent) may post. */
    public boolean allows(@Nullable String authorization) {
        if (expected == null) {
            return true;
        }
        if (authorization == null || authorization.length() > MAX_HEADER) {
            return false;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = header.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> MessageDigest.isEqual(expected, sha256(credentials));
            case "basic" ->
                basicPassword(credentials)
                        .map(password -> MessageDigest.isEqual(expected, sha256(password)))
                        .orElse(false);
            default -> false;
        };
    }

    private static java.util.Optional<String> basicPassword(String credentials) {
        try {
            String pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? java.util.Optional.empty() : java.util.Optional.of(pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return expected == null ? "AlertAuth[none]" : "AlertAuth[token]";
    }
}
