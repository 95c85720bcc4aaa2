package io.runbookbot.fakes;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The embedding model stand-in of {@link FakeOllama}: deterministic unit vectors in which texts
 * that share words are close, with no model to download.
 */
final class HashVectors {

    private HashVectors() {}

    /**
     * A deterministic unit vector for a text: the sum of one pseudo-random ±1 vector per lower-cased
     * word, so texts that share words are close and the same text always gives the same vector.
     */
    static float[] of(String text, int dimension) {
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long seed = 1125899906842597L;
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                seed = 31 * seed + b;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < dimension; i++) {
                v[i] += random.nextBoolean() ? 1f : -1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
