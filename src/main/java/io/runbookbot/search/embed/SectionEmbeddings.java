package io.runbookbot.search.embed;

import io.runbookbot.core.RunbookSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors of a list of sections: from the cache where it has them, the rest from the embedder
 * in batches, each batch cached as soon as it arrives (so a failure half-way loses nothing).
 */
public final class SectionEmbeddings {
    private static final Logger LOG = LoggerFactory.getLogger(SectionEmbeddings.class);
    /** Texts per embedding request. */
    public static final int BATCH = 32;

    private final Embedder embedder;
    private final EmbeddingCache cache;

    public SectionEmbeddings(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    public String model() {
        return embedder.model();
    }

    /** The vectors when the cache has every one of them; never calls the embedder. */
    public Optional<List<float[]>> cached(List<RunbookSection> sections) {
        List<float[]> out = new ArrayList<>(sections.size());
        for (RunbookSection s : sections) {
            Optional<float[]> v = cache.get(cache.key(EmbeddingTexts.section(model(), s)));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            out.add(v.get());
        }
        return Optional.of(out);
    }

    /**
     * Every section's vector, embedding what the cache lacks.
     *
     * @throws EmbeddingException when the embedder fails or answers vectors of another dimension
     */
    public List<float[]> all(List<RunbookSection> sections) {
        List<String> keys = new ArrayList<>(sections.size());
        Map<String, String> missing = new LinkedHashMap<>();
        for (RunbookSection s : sections) {
            String text = EmbeddingTexts.section(model(), s);
            String key = cache.key(text);
            keys.add(key);
            if (cache.get(key).isEmpty()) {
                missing.putIfAbsent(key, text);
            }
        }
        if (!missing.isEmpty()) {
            LOG.info(
                    "Embedding {} of {} sections with {} ({} cached)",
                    missing.size(),
                    sections.size(),
                    model(),
                    sections.size() - missing.size());
        }
        embed(new ArrayList<>(missing.entrySet()));
        List<float[]> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add(cache.get(k).orElseThrow()));
        checkDimensions(out);
        return out;
    }

    private void embed(List<Map.Entry<String, String>> missing) {
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Map.Entry<String, String>> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> vectors =
                    embedder.embed(batch.stream().map(Map.Entry::getValue).toList());
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i).getKey(), vectors.get(i));
            }
            cache.putAll(fresh);
        }
    }

    private void checkDimensions(List<float[]> vectors) {
        Set<Integer> dimensions = new HashSet<>();
        vectors.forEach(v -> dimensions.add(v.length));
        if (dimensions.size() > 1) {
            throw new EmbeddingException("Vectors of " + model() + " have mixed dimensions " + dimensions
                    + " (did the model change under the same name?); clear the embedding cache");
        }
    }
}
