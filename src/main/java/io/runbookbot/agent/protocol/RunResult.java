package io.runbookbot.agent.protocol;

import java.util.Objects;

/**
 * What a command run produced. Output is already cut at the entry's cap; the bot redacts it
 * before showing it.
 *
 * @param exitCode        the process exit code (-1 when it was killed)
 * @param stdout          standard output, at most the cap
 * @param stderr          standard error, at most the cap
 * @param stdoutTruncated true when stdout was cut at the cap
 * @param stderrTruncated true when stderr was cut at the cap
 * @param durationMillis  wall time from start to exit or kill
 * @param timedOut        true when the run was killed (with its children) at the timeout
 */
public record RunResult(
        int exitCode,
        String stdout,
        String stderr,
        boolean stdoutTruncated,
        boolean stderrTruncated,
        long durationMillis,
        boolean timedOut) {
    public RunResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Bytes of output shown (UTF-8), for audit records. */
    public int outputBytes() {
        return stdout.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + stderr.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
