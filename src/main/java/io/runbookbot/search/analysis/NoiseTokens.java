package io.runbookbot.search.analysis;

import java.util.regex.Pattern;

/**
 * Removes the tokens of a log line that name one moment or one instance and never a kind of
 * problem: timestamps, UUIDs, long hex ids, IPv4 addresses (a port after one stays), durations
 * with a unit ({@code 120ms}, {@code 1.5s}, {@code 3m12s}), pod hashes ({@code api-7f9c6d5b8-x2x4z}
 * keeps {@code api}) and process ids in brackets. Each pattern is a sequence of bounded or possessive
 * character classes with no nested repetition, and runs on one capped line: linear time.
 */
final class NoiseTokens {
    private static final Pattern[] NOISE = {
        // ISO-8601 and "2026-11-28 03:24:32,123" timestamps, optional fraction and zone
        Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?+"
                + "(?:Z|[+-]\\d{2}:?\\d{2})?+)?+"),
        // syslog "Nov 28 03:24:32", clock times "03:24:32.123"
        Pattern.compile("\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d(?= )"),
        Pattern.compile("\\b\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?+\\b"),
        // UUIDs
        Pattern.compile("\\b\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}\\b"),
        // pod hashes: keep the workload name, drop "-<replicaset hash>-<pod suffix>"
        Pattern.compile("-[a-z0-9]{6,10}+-[a-z0-9]{5}\\b"),
        // long hex ids (trace ids, container ids, commit hashes) that hold a digit
        Pattern.compile("\\b(?=[a-f]*+\\d)\\p{XDigit}{12,64}+\\b"),
        // IPv4 addresses of one host (not 0.0.0.0 and 127.0.0.1, which say "every address" and "this host")
        Pattern.compile("\\b(?!0\\.0\\.0\\.0\\b|127\\.0\\.0\\.1\\b)\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b"),
        // kubectl's event repeat count: "(x4 over 5m)"
        Pattern.compile("\\(x\\d{1,6}+ over [\\w.]{0,12}+\\)"),
        // durations with their unit attached
        Pattern.compile("\\b\\d++(?:\\.\\d++)?+(?:ns|us|µs|ms|s|m|h)(?:\\d++(?:\\.\\d++)?+(?:ms|s|m))*+\\b"),
        // process and thread ids: "app[2117]:", "[pid 42]"
        Pattern.compile("\\[\\d{1,9}+\\]"),
    };

    private NoiseTokens() {}

    static String strip(String line) {
        String out = line;
        for (Pattern p : NOISE) {
            out = p.matcher(out).replaceAll(" ");
        }
        return out;
    }
}
