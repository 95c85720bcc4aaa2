package io.runbookbot.agent.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme, version 1. Every signed request carries three headers:
 * <pre>
 * X-Runbook-Timestamp: unix seconds
 * X-Runbook-Nonce:     128 random bits, hex
 * X-Runbook-Signature: v1=hex(HMAC-SHA256(secret, "v1\n" + ts + "\n" + nonce + "\n" + METHOD + "\n"
 *                                          + path-with-query + "\n" + hex(SHA-256(body))))
 * </pre>
 * Protocol v2 adds signed answers: the agent's answer to every request it authenticated carries
 * <pre>
 * X-Runbook-Timestamp:          unix seconds when the answer was sent
 * X-Runbook-Response-Signature: v1=hex(HMAC-SHA256(secret, "v1-response\n" + status + "\n" + request nonce + "\n"
 *                                   + request signature + "\n" + ts + "\n" + hex(SHA-256(body))))
 * </pre>
 * The request's nonce and signature bind the answer to the one request it answers, so a recorded
 * answer cannot be replayed for another request; the prefix keeps an answer's MAC from ever being
 * mistaken for a request's.
 */
public final class AuthHeaders {
    public static final String TIMESTAMP = "X-Runbook-Timestamp";
    public static final String NONCE = "X-Runbook-Nonce";
    public static final String SIGNATURE = "X-Runbook-Signature";
    public static final String RESPONSE_SIGNATURE = "X-Runbook-Response-Signature";
    static final String VERSION = "v1";
    private static final String RESPONSE = "v1-response";
    private static final HexFormat HEX = HexFormat.of();

    private AuthHeaders() {}

    /** The value of {@link #SIGNATURE} for a request. */
    static String signature(
            SharedSecret secret, long timestamp, String nonce, String method, String pathAndQuery, byte[] body) {
        String canonical = VERSION + "\n" + timestamp + "\n" + nonce + "\n" + method + "\n" + pathAndQuery + "\n"
                + HEX.formatHex(sha256(body));
        return VERSION + "=" + HEX.formatHex(hmac(secret, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value of {@link #RESPONSE_SIGNATURE} for the answer to a request with this nonce and signature. */
    static String responseSignature(
            SharedSecret secret,
            int status,
            String requestNonce,
            String requestSignature,
            long timestamp,
            byte[] body) {
        String canonical = RESPONSE + "\n" + status + "\n" + requestNonce + "\n" + requestSignature + "\n" + timestamp
                + "\n" + HEX.formatHex(sha256(body));
        return VERSION + "=" + HEX.formatHex(hmac(secret, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(SharedSecret secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
