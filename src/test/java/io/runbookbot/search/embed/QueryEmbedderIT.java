package io.runbookbot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeOllama.Fault;
import io.runbookbot.fakes.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryEmbedderIT {
    private static final int DIM = FakeOllama.DEFAULT_DIMENSION;
    /** A question's deadline: long enough for a first call on a busy machine, short beside a slow server's. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final FakeOllama ollama = FakeOllama.start();
    private final MutableClock clock = new MutableClock();
    private final QueryEmbedder embedder = new QueryEmbedder(
            new OllamaEmbedder(ollama.baseUrl(), "nomic-embed-text", Duration.ofSeconds(60)),
            DEADLINE,
            Duration.ofSeconds(30),
            clock);

    @AfterEach
    void stop() {
        embedder.close();
        ollama.close();
    }

    @Test
    void embedsTheQuestionWithTheQueryPrefixAndRemembersIt() {
        QueryEmbedder.Result first = embedder.embed("app can't reach the db", DIM);
        QueryEmbedder.Result again = embedder.embed("app can't reach the db", DIM);

        assertThat(first.vector()).isPresent();
        assertThat(first.notice()).isEmpty();
        assertThat(again.vector().get()).isSameAs(first.vector().get());
        assertThat(ollama.callsTo("embed")).hasSize(1);
        assertThat(FakeOllama.inputs(ollama.callsTo("embed").get(0)))
                .containsExactly("search_query: app can't reach the db");
    }

    @Test
    void aSlowServerGivesANoticeWithinTheDeadline() {
        ollama.inject(Fault.slow(Duration.ofSeconds(30)));
        long start = System.nanoTime();

        QueryEmbedder.Result result = embedder.embed("disk full", DIM);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(result.vector()).isEmpty();
        assertThat(result.notice())
                .hasValueSatisfying(
                        n -> assertThat(n).startsWith("Keyword search only").contains("no answer within 5 s"));
    }

    @Test
    void afterAFailureTheServerIsLeftAloneForAWhileThenTriedAgain() {
        ollama.inject(Fault.httpStatus(500));
        assertThat(embedder.embed("disk full", DIM).notice()).isPresent();
        int calls = ollama.callsTo("embed").size();

        assertThat(embedder.embed("memory leak", DIM).notice())
                .hasValueSatisfying(
                        n -> assertThat(n).contains("details in the bot's log").doesNotContain("127.0.0.1"));
        assertThat(ollama.callsTo("embed")).hasSize(calls);

        ollama.clearFaults();
        clock.advance(Duration.ofSeconds(31));
        assertThat(embedder.embed("memory leak", DIM).vector()).isPresent();
        assertThat(ollama.callsTo("embed")).hasSize(calls + 1);
    }

    @Test
    void aDeadServerGivesANoticeNotAnError() {
        ollama.down();
        assertThat(embedder.embed("disk full", DIM).notice()).isPresent();
    }

    @Test
    void errorsMalformedAnswersAndAnotherDimensionGiveNoVector() {
        ollama.inject(Fault.httpStatus(500), 1);
        assertThat(embedder.embed("a", DIM).vector()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        ollama.inject(Fault.malformedJson(), 1);
        assertThat(embedder.embed("b", DIM).vector()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(embedder.embed("c", 384).notice()).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(embedder.embed("d", DIM).vector()).isPresent();
    }

    @Test
    void remembersAtMostABoundedNumberOfQuestionVectors() {
        Embedder local = new Embedder() {
            @Override
            public String model() {
                return "local";
            }

            @Override
            public java.util.List<float[]> embed(java.util.List<String> texts) {
                return texts.stream().map(t -> new float[] {t.length(), 1}).toList();
            }
        };
        try (QueryEmbedder bounded = new QueryEmbedder(local, Duration.ofSeconds(5))) {
            for (int i = 0; i < QueryEmbedder.REMEMBERED * 3; i++) {
                assertThat(bounded.embed("question " + i, 2).vector()).isPresent();
            }
            assertThat(bounded.remembered()).isEqualTo(QueryEmbedder.REMEMBERED);
        }
    }
}
