package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static RunbookIndex index;
    private static Vocabulary vocabulary;

    @BeforeAll
    static void indexBundledRunbooks() {
        index = RunbookIndexer.build(new RunbookLoader().load(TestRunbooks.DIR).runbooks());
        vocabulary = new Vocabulary(index.runbookSearcher().getIndexReader());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        assertThat(Vocabulary.distance("strats", "starts", 2)).isEqualTo(1);
    }

    @Test
    void stopsCountingOnceTheLimitIsPassed() {
        assertThat(Vocabulary.distance("database", "websocket", 2)).isEqualTo(3);
    }

    @Test
    void correctsAMissingLetterToTheRunbookWord() {
        // index terms are stemmed: "database" is indexed as "databas"
        assertThat(vocabulary.correction("databs")).contains("databas");
    }

    @Test
    void leavesAWordWithNoCloseRunbookWordUncorrected() {
        assertThat(vocabulary.correction("wireguard")).isEmpty();
    }

    @Test
    void allowsTwoEditsOnlyForLongWords() {
        assertThat(vocabulary.correction("dtabs")).isEmpty(); // two edits from "databas", too short
        assertThat(vocabulary.correction("potgresqk")).contains("postgresql");
    }
}
