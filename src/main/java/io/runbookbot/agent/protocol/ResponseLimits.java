package io.runbookbot.agent.protocol;

/**
 * How much of one agent answer the bot reads, and what that leaves for the output of a run. The
 * allowlist loader refuses an {@code output_cap} above {@link #MAX_OUTPUT_CAP}, so an entry can
 * never run on the agent and then fail on the bot because its answer is too large.
 */
public final class ResponseLimits {
    /** The bot reads at most this many bytes of an agent answer (8 MiB); a longer one is refused. */
    public static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** Room kept for the JSON keys, the other fields of a {@link RunResult} and headers-in-body growth. */
    static final int ENVELOPE_BYTES = 16 * 1024;
    /** JSON writes a control byte as a six-character escape: one byte of output can take six bytes of the answer. */
    static final int WORST_ESCAPE = 6;
    /**
     * The largest output cap (for stdout and stderr each) whose answer always fits: both streams at
     * the cap, every byte escaped: (8 MiB - 16 KiB) / 12 = 697,685 bytes (681 KiB).
     */
    public static final int MAX_OUTPUT_CAP = (MAX_RESPONSE_BYTES - ENVELOPE_BYTES) / (2 * WORST_ESCAPE);

    private ResponseLimits() {}
}
