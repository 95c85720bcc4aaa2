package io.runbookbot.agent.protocol;

/** Why a request was not accepted as coming from the bot. Each is answered with 401, except where noted. */
public enum AuthFailure {
    MISSING_HEADERS("missing authentication headers (" + AuthHeaders.TIMESTAMP + ", " + AuthHeaders.NONCE + ", "
            + AuthHeaders.SIGNATURE + ")"),
    MALFORMED_HEADERS("malformed authentication headers"),
    STALE_TIMESTAMP("request timestamp is outside the allowed clock skew; check both clocks"),
    BAD_SIGNATURE("bad signature"),
    REPLAYED_NONCE("nonce already used (replayed request)"),
    /** More distinct requests inside one skew window than the replay guard can remember: 429, not 401. */
    REPLAY_GUARD_FULL("too many requests in the replay window; retry later");

    private final String reason;

    AuthFailure(String reason) {
        this.reason = reason;
    }

    /** A sentence for the caller; it names no secret material. */
    public String reason() {
        return reason;
    }
}
