package io.runbookbot.agent.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.agent.protocol.ResponseLimits;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeout ({@code 500ms}, {@code 5s}, {@code 2m}) and output cap ({@code 4096}, {@code 512B},
 * {@code 64KiB}, {@code 512KiB}) values of an entry, with their allowed ranges.
 */
final class Limits {
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int MIN_OUTPUT_CAP = 1024;
    /** What the bot will receive (see {@link ResponseLimits}): 681 KiB. */
    static final int MAX_OUTPUT_CAP = ResponseLimits.MAX_OUTPUT_CAP;

    static final int DEFAULT_OUTPUT_CAP = 64 * 1024;

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,9})(B|KiB|MiB)?");

    private Limits() {}

    static Duration timeout(JsonNode node, YamlNodes yaml) {
        String text = node.isTextual() ? node.asText().trim() : "";
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw yaml.error(
                    "timeout", "must be a number with a unit ms, s or m (e.g. 5s), got " + YamlNodes.kind(node));
        }
        long amount = Long.parseLong(m.group(1));
        Duration timeout = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw yaml.error("timeout", "must be from 1s to 5m, got " + text);
        }
        return timeout;
    }

    static int outputCap(JsonNode node, YamlNodes yaml) {
        String text =
                node.isTextual() || node.isIntegralNumber() ? node.asText().trim() : "";
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw yaml.error(
                    "output_cap",
                    "must be bytes, optionally with a unit B, KiB or MiB (e.g. 64KiB), got " + YamlNodes.kind(node));
        }
        long unit =
                m.group(2) == null || m.group(2).equals("B") ? 1 : m.group(2).equals("KiB") ? 1024 : 1024 * 1024;
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < MIN_OUTPUT_CAP) {
            throw yaml.error("output_cap", "must be at least 1KiB, got " + text);
        }
        if (bytes > MAX_OUTPUT_CAP) {
            throw yaml.error(
                    "output_cap",
                    text + " is more than the bot will receive: a run answer holds stdout and"
                            + " stderr up to the cap each, JSON may write one byte as six, and the bot reads at most "
                            + ResponseLimits.MAX_RESPONSE_BYTES / (1024 * 1024) + "MiB of an answer; use at most "
                            + MAX_OUTPUT_CAP / 1024 + "KiB (" + MAX_OUTPUT_CAP + " bytes)");
        }
        return (int) bytes;
    }
}
