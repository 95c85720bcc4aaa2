package io.runbookbot.search.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * A name for an embedding model that changes when the model does: its name plus the first 12 hex
 * digits of a SHA-256 over its vectors for three fixed sentences, rounded to 4 decimals (so that
 * the last bits of float arithmetic do not matter). Used as the model of an {@code EmbeddingCache}
 * kept between test runs, whose keys hash the model and the text: a vector from another model or
 * model version is then never found.
 */
final class ModelFingerprint {
    private static final String[] PROBES = {
        "disk full on /var",
        "FATAL: sorry, too many clients already",
        "uvicorn won't start: [Errno 98] Address already in use"
    };

    private ModelFingerprint() {}

    static String of(String name, Function<String, float[]> model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String probe : PROBES) {
                for (float x : model.apply(probe)) {
                    sha.update(String.format(Locale.ROOT, "%.4f,", x).getBytes(StandardCharsets.US_ASCII));
                }
                sha.update((byte) '\n');
            }
            return name + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
