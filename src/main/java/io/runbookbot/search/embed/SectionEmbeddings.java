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
 * The vectors of a list of sections, one per window of each section's text
 * ({@link EmbeddingTexts#sectionWindows}): from the cache where it has them, the rest from the
 * embedder in batches, each batch cached as soon as it arrives (so a failure half-way loses
 * nothing).
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
    public Optional<List<List<float[]>>> cached(List<RunbookSection> sections) {
        List<List<float[]>> out = new ArrayList<>(sections.size());
        for (RunbookSection s : sections) {
            List<float[]> windows = new ArrayList<>();
            for (String text : EmbeddingTexts.sectionWindows(model(), s)) {
                Optional<float[]> v = cache.get(cache.key(text));
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                windows.add(v.get());
            }
            out.add(windows);
        }
        return Optional.of(out);
    }

    /**
     * Every section's vectors (one per window, the opening first), embedding what the cache lacks.
     *
     * @throws EmbeddingException when the embedder fails or answers vectors of another dimension
     */
    public List<List<float[]>> all(List<RunbookSection> sections) {
        List<List<String>> keys = new ArrayList<>(sections.size());
        Map<String, String> missing = new LinkedHashMap<>();
        int texts = 0;
        for (RunbookSection s : sections) {
            List<String> windowKeys = new ArrayList<>();
            for (String text : EmbeddingTexts.sectionWindows(model(), s)) {
                String key = cache.key(text);
                windowKeys.add(key);
                texts++;
                if (cache.get(key).isEmpty()) {
                    missing.putIfAbsent(key, text);
                }
            }
            keys.add(windowKeys);
        }
        if (!missing.isEmpty()) {
            LOG.info(
                    "Embedding {} of {} texts ({} sections) with {} ({} cached)",
                    missing.size(),
                    texts,
                    sections.size(),
                    model(),
                    texts - missing.size());
        }
        embed(new ArrayList<>(missing.entrySet()));
        List<List<float[]>> out = new ArrayList<>(keys.size());
        keys.forEach(
                k -> out.add(k.stream().map(key -> cache.get(key).orElseThrow()).toList()));
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

    private void checkDimensions(List<List<float[]>> vectors) {
        Set<Integer> dimensions = new HashSet<>();
        vectors.forEach(windows -> windows.forEach(v -> dimensions.add(v.length)));
        if (dimensions.size() > 1) {
            throw new EmbeddingException("Vectors of " + model() + " have mixed dimensions " + dimensions
                    + " (did the model change under the same name?); clear the embedding cache");
        }
    }
}
