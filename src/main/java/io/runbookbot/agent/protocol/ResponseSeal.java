package io.runbookbot.agent.protocol;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs the answer to one authenticated request (see {@link AuthHeaders}). Only
 * {@link SignatureVerifier#authenticate} makes one, and only for a request whose signature it
 * accepted, so the agent never signs on behalf of an unauthenticated caller.
 */
public final class ResponseSeal {
    private final SharedSecret secret;
    private final Clock clock;
    private final String requestNonce;
    private final String requestSignature;

    ResponseSeal(SharedSecret secret, Clock clock, String requestNonce, String requestSignature) {
        this.secret = secret;
        this.clock = clock;
        this.requestNonce = requestNonce;
        this.requestSignature = requestSignature;
    }

    /** The headers to add to the answer with this status and exactly these body bytes. */
    public Map<String, String> headers(int status, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AuthHeaders.TIMESTAMP, Long.toString(timestamp));
        headers.put(
                AuthHeaders.RESPONSE_SIGNATURE,
                AuthHeaders.responseSignature(secret, status, requestNonce, requestSignature, timestamp, body));
        return headers;
    }
}
