package io.runbookbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The "Share in channel" button of a diagnostic's output carries the output itself, so sharing
 * needs no memory and never runs the check again: the report as JSON, deflated and base64-encoded
 * within Slack's {@value SlackButtonValue#MAX_VALUE} characters (a screen of text usually fits
 * whole; longer output is cut, and the shared copy says so). Reading a value is bounded: at most
 * {@value #MAX_INFLATED} bytes are inflated, so a value built to expand cannot use memory.
 */
final class SlackRunShare {
    static final String SHARE = SlackButtonValue.PREFIX + "share_run";
    /** What a value may inflate to; more is refused (nothing the bot writes comes near it). */
    static final int MAX_INFLATED = 32 * 1024;
    /** Output kept before fitting: about what a message shows of it. */
    private static final int MAX_STDOUT = 2900;

    private static final int MAX_STDERR = 1000;
    /** Each try keeps 90 % of what the last one overshot by; output is gone long before this. */
    private static final int MAX_TRIES = 40;

    static final String CUT = "\n… (cut to fit the Share button; the asker's copy has the rest)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRunShare() {}

    /**
     * The button value for {@code ran}, at most {@value SlackButtonValue#MAX_VALUE} characters; empty
     * when even its parameters alone do not fit (then there is no Share button).
     */
    static Optional<String> value(DiagnosticReport.Ran ran) {
        String out = head(ran.stdout(), MAX_STDOUT);
        String err = head(ran.stderr(), MAX_STDERR);
        boolean cut = out.length() < ran.stdout().length()
                || err.length() < ran.stderr().length();
        String value = encode(ran, out, err, cut);
        for (int tries = 0; value.length() > SlackButtonValue.MAX_VALUE && tries < MAX_TRIES; tries++) {
            double keep = 0.9 * SlackButtonValue.MAX_VALUE / value.length();
            out = head(out, (int) (out.length() * keep));
            err = head(err, (int) (err.length() * keep));
            value = encode(ran, out, err, true);
        }
        return value.length() <= SlackButtonValue.MAX_VALUE ? Optional.of(value) : Optional.empty();
    }

    /** The report a value stands for; throws IllegalArgumentException for a value the bot did not write. */
    static DiagnosticReport.Ran decode(String value) {
        if (value.length() > SlackButtonValue.MAX_VALUE) {
            throw new IllegalArgumentException("not a share value: longer than a button value");
        }
        JsonNode json;
        try {
            json = JSON.readTree(inflate(Base64.getUrlDecoder().decode(value)));
        } catch (JsonProcessingException | DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a share value", e);
        }
        if (json == null || !json.path("i").isTextual() || !json.path("p").isObject()) {
            throw new IllegalArgumentException("not a share value");
        }
        Map<String, String> params = new LinkedHashMap<>();
        json.path("p")
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        String stdout = json.path("o").asText("");
        boolean cut = json.path("c").asBoolean(false);
        return new DiagnosticReport.Ran(
                "",
                new DiagnosticCall(json.path("a").asText(""), json.path("i").asText(), params),
                json.path("x").asInt(),
                cut ? stdout + CUT : stdout,
                json.path("e").asText(""),
                json.path("t").asBoolean(false),
                json.path("to").asBoolean(false),
                json.path("ms").asLong());
    }

    private static String encode(DiagnosticReport.Ran ran, String out, String err, boolean cut) {
        ObjectNode json = JSON.createObjectNode()
                .put("i", ran.commandId())
                .put("a", ran.agent())
                .put("x", ran.exitCode())
                .put("ms", ran.durationMillis())
                .put("t", ran.truncated())
                .put("to", ran.timedOut())
                .put("c", cut)
                .put("o", out)
                .put("e", err);
        ran.params().forEach(json.putObject("p")::put);
        if (ran.params().isEmpty()) {
            json.putObject("p");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(json.toString()));
    }

    private static byte[] deflate(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String inflate(byte[] data) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated value");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DataFormatException("value inflates past " + MAX_INFLATED + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }

    /** The first {@code max} characters, at a line end when there is one in the second half. */
    private static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max);
        int line = text.lastIndexOf('\n', end);
        return text.substring(0, line > end / 2 ? line : end);
    }
}
