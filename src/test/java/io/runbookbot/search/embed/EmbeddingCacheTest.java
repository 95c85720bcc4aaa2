package io.runbookbot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    @Test
    void vectorsSurviveAReopen() {
        EmbeddingCache cache = EmbeddingCache.open(dir, "nomic-embed-text");
        String key = cache.key("disk full");
        cache.putAll(Map.of(key, new float[] {0.25f, -1f, 3f}));

        EmbeddingCache reopened = EmbeddingCache.open(dir, "nomic-embed-text");

        assertThat(reopened.get(key)).hasValueSatisfying(v -> assertThat(v).containsExactly(0.25f, -1f, 3f));
        assertThat(reopened.size()).isEqualTo(1);
    }

    @Test
    void theSameTextUnderAnotherModelIsAnotherKeyAndAnotherFile() {
        EmbeddingCache nomic = EmbeddingCache.open(dir, "nomic-embed-text");
        nomic.putAll(Map.of(nomic.key("disk full"), new float[] {1f}));
        EmbeddingCache minilm = EmbeddingCache.open(dir, "all-minilm:l6-v2");

        assertThat(minilm.key("disk full")).isNotEqualTo(nomic.key("disk full"));
        assertThat(minilm.get(minilm.key("disk full"))).isEmpty();
        assertThat(dir.resolve("embeddings-all-minilm_l6-v2.bin")).doesNotExist();
    }

    @Test
    void aTornLastRecordIsDroppedAndTheRestKept() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(dir, "m");
        cache.putAll(Map.of(cache.key("a"), new float[] {1f, 2f}));
        cache.putAll(Map.of(cache.key("b"), new float[] {3f, 4f}));
        Path file = dir.resolve("embeddings-m.bin");
        long size = Files.size(file);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        EmbeddingCache reopened = EmbeddingCache.open(dir, "m");

        assertThat(reopened.get(reopened.key("a"))).isPresent();
        assertThat(reopened.get(reopened.key("b"))).isEmpty();
        reopened.putAll(Map.of(reopened.key("b"), new float[] {5f, 6f}));
        assertThat(EmbeddingCache.open(dir, "m").get(reopened.key("b")))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(5f, 6f));
    }

    @Test
    void aFileThatIsNotACacheIsIgnoredNotFatal() throws IOException {
        Files.writeString(dir.resolve("embeddings-m.bin"), "hello, not vectors");

        EmbeddingCache cache = EmbeddingCache.open(dir, "m");

        assertThat(cache.size()).isZero();
    }

    @Test
    void anUnwritableFolderKeepsVectorsInMemory() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        EmbeddingCache cache = EmbeddingCache.open(blocker.resolve("sub"), "m");

        cache.putAll(Map.of(cache.key("a"), new float[] {1f}));

        assertThat(cache.get(cache.key("a"))).isPresent();
    }
}
