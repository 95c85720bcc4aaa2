package io.runbookbot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeOllama.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionEmbeddingsIT {
    private final FakeOllama ollama = FakeOllama.start();

    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        ollama.close();
    }

    private SectionEmbeddings embeddings() {
        return new SectionEmbeddings(
                new OllamaEmbedder(ollama.baseUrl(), "nomic-embed-text", Duration.ofSeconds(5)),
                EmbeddingCache.open(cacheDir, "nomic-embed-text"));
    }

    private static List<RunbookSection> sections(int n, String prefix) {
        return IntStream.range(0, n)
                .mapToObj(i -> new RunbookSection(
                        "rb.md",
                        "Runbook",
                        prefix + " " + i,
                        List.of("Runbook", prefix + " " + i),
                        2,
                        i + 1,
                        i + 1,
                        "## " + prefix + " " + i + "\nbody " + i,
                        List.of()))
                .toList();
    }

    @Test
    void embedsInBatchesOfThirtyTwoWithTheDocumentPrefixOfNomic() {
        List<float[]> vectors = embeddings().all(sections(70, "Disk"));

        assertThat(vectors).hasSize(70).allSatisfy(v -> assertThat(v).hasSize(FakeOllama.DEFAULT_DIMENSION));
        assertThat(ollama.callsTo("embed"))
                .extracting(c -> FakeOllama.inputs(c).size())
                .containsExactly(32, 32, 6);
        assertThat(FakeOllama.inputs(ollama.callsTo("embed").get(0)).get(0)).startsWith("search_document: ");
    }

    @Test
    void aRestartEmbedsNothingAndAnEditEmbedsOnlyTheEditedSection() {
        List<RunbookSection> before = sections(40, "Disk");
        embeddings().all(before);
        int calls = ollama.callsTo("embed").size();

        assertThat(embeddings().cached(before)).isPresent();
        embeddings().all(before);
        assertThat(ollama.callsTo("embed")).hasSize(calls);

        List<RunbookSection> edited = new ArrayList<>(before);
        edited.set(7, sections(1, "Memory").get(0));
        embeddings().all(edited);
        assertThat(ollama.callsTo("embed")).hasSize(calls + 1);
        assertThat(FakeOllama.inputs(ollama.callsTo("embed").get(calls))).hasSize(1);
    }

    @Test
    void aFailureHalfWayKeepsTheBatchesAlreadyEmbedded() {
        ollama.inject(Fault.httpStatus(500), 1);
        List<RunbookSection> all = sections(64, "Disk");
        assertThatThrownBy(() -> embeddings().all(all))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("nomic-embed-text");

        ollama.clearFaults();
        embeddings().all(all);

        assertThat(ollama.callsTo("embed")).hasSize(3);
        assertThat(embeddings().cached(all)).isPresent();
    }

    @Test
    void malformedJsonIsRejected() {
        ollama.inject(Fault.malformedJson(), 1);
        assertThatThrownBy(() -> embeddings().all(sections(3, "Disk"))).isInstanceOf(EmbeddingException.class);
    }

    @Test
    void vectorsOfTwoDimensionsInOneIndexAreRejected() {
        embeddings().all(sections(32, "Disk"));
        ollama.inject(Fault.wrongDimension(5), 1);

        assertThatThrownBy(() -> embeddings().all(sections(33, "Disk")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("mixed dimensions");
    }

    @Test
    void aModelThatIsNotPulledIsAnEmbeddingException() {
        ollama.models("llama3.2");
        assertThatThrownBy(() -> embeddings().all(sections(3, "Disk")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("nomic-embed-text");
    }

    @Test
    void aDeadServerIsAnEmbeddingExceptionNamingIt() {
        ollama.down();
        assertThatThrownBy(() -> embeddings().all(sections(3, "Disk")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(ollama.baseUrl());
    }
}
