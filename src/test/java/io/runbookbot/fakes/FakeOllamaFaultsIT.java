package io.runbookbot.fakes;

import static io.runbookbot.fakes.FakeOllamaClients.chat;
import static io.runbookbot.fakes.FakeOllamaClients.embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import io.runbookbot.fakes.FakeOllama.Fault;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults injected into the fake Ollama (down, slow, HTTP 500, bad JSON, wrong size) as the real clients see them. */
@Timeout(30)
class FakeOllamaFaultsIT {
    @AutoClose
    private final FakeOllama ollama = FakeOllama.start();

    @Test
    void downIsAConnectionRefused() {
        ollama.down();

        assertFailsFast(() -> embeddings(ollama, Duration.ofSeconds(2)).embed("x"), ConnectException.class, 3_000);
    }

    @Test
    void slowTimesOutOnTheClientsTimeout() {
        ollama.inject(Fault.slow(Duration.ofSeconds(3)));

        assertFailsFast(() -> embeddings(ollama, Duration.ofMillis(500)).embed("x"), HttpTimeoutException.class, 2_500);
    }

    @Test
    void slowButWithinTheTimeoutStillAnswers() {
        ollama.inject(Fault.slow(Duration.ofMillis(200)));

        assertThat(embeddings(ollama, Duration.ofSeconds(2))
                        .embed("x")
                        .content()
                        .dimension())
                .isEqualTo(768);
    }

    @Test
    void http500IsAnInternalServerError() {
        ollama.inject(Fault.httpStatus(500));

        assertThatThrownBy(() -> embeddings(ollama, Duration.ofSeconds(2)).embed("x"))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("injected HTTP 500");
        assertThatThrownBy(() -> chat(ollama).chat("hello")).isInstanceOf(InternalServerException.class);
    }

    @Test
    void aOneOff500IsRetriedByLangchain4j() {
        ollama.inject(Fault.httpStatus(500), 1);
        OllamaEmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("nomic-embed-text")
                .maxRetries(1)
                .build();

        assertThat(model.embed("x").content().dimension()).isEqualTo(768);
        assertThat(ollama.callsTo("embed")).extracting(RecordedRequest::status).containsExactly(500, 200);
    }

    @Test
    void malformedJsonFailsToParse() {
        ollama.inject(Fault.malformedJson());

        assertFailsFast(
                () -> embeddings(ollama, Duration.ofSeconds(2)).embed("x"), JsonProcessingException.class, 3_000);
        assertFailsFast(() -> chat(ollama).chat("hello"), JsonProcessingException.class, 3_000);
    }

    @Test
    void aWrongDimensionPassesThroughAndIsTheCallersToCheck() {
        OllamaEmbeddingModel model = embeddings(ollama, Duration.ofSeconds(2));
        assertThat(model.dimension()).isEqualTo(768);
        ollama.inject(Fault.wrongDimension(3), 1);

        // langchain4j does not validate the size: the bot must compare it with dimension()
        Embedding wrong = model.embed("x").content();
        Embedding right = model.embed("x").content();

        assertThat(wrong.dimension()).isEqualTo(3).isNotEqualTo(model.dimension());
        assertThat(right.dimension()).isEqualTo(768);
    }

    private static void assertFailsFast(Runnable call, Class<? extends Throwable> rootCause, long withinMillis) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run)
                .isInstanceOf(RuntimeException.class)
                .satisfies(
                        e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c).isInstanceOf(rootCause)));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(withinMillis);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
