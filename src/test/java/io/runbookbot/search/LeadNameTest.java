package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A question that starts with a name is answered from a runbook that mentions that name, even when
 * another runbook quotes the rest of the question word for word. Each test also asks with the
 * discount off ({@link Ranking#leadName()} 1), so that it shows the rule makes the difference.
 */
class LeadNameTest {
    private static final String FLASK = """
            # Server Won't Start

            ## Issue: Port Already in Use

            ```
            OSError: [Errno 98] Address already in use
            ```

            Find the process on port 5000 and stop it: `sudo fuser -k 5000/tcp`.
            Use a unique port via the NOVA_PORT environment variable.

            ## Issue: Missing Dependencies

            Reinstall the requirements into the virtual environment.
            """;

    private static final String UVICORN = """
            # API Server Down

            ## When to use

            The FastAPI backend does not answer, or uvicorn won't start after a deploy.

            ## Check the process

            ```
            pgrep -fa uvicorn
            journalctl -u uvicorn --since "1 hour ago"
            ```

            ## Common error patterns

            "Address already in use": port 8000 is occupied.
            Find it with `lsof -i :8000` and kill the process before restarting.

            ## Restart

            ```
            pkill -f uvicorn
            uvicorn api.main:app --host 0.0.0.0 --port 8000 &
            ```
            """;

    private static final String DISK = """
            # Disk Full

            ## Free space

            Remove old logs, then check `df -h` again; the server will start once space is free.
            """;

    private static RunbookIndex index;

    @BeforeAll
    static void indexRunbooks() {
        RunbookParser parser = new RunbookParser();
        index = RunbookIndexer.build(List.of(
                parser.parse("flask.md", FLASK),
                parser.parse("api-server-down.md", UVICORN),
                parser.parse("disk.md", DISK)));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String firstFile(String question, Ranking ranking) {
        return new LuceneRunbookSearch(index, ranking)
                .ask(question, 5)
                .best()
                .orElseThrow()
                .section()
                .file();
    }

    private static Ranking withLeadName(float leadName) {
        return RankingVariant.of(Ranking.DEFAULT).leadName(leadName).build();
    }

    @Test
    void anErrorLineAfterAProductNameIsAnsweredFromThatProductsRunbook() {
        String question = "uvicorn won't start: [Errno 98] Address already in use";

        // how strong the discount is, is the ranking's choice (docs/eval.md); here it shows the rule works
        assertThat(firstFile(question, withLeadName(0.3f))).isEqualTo("api-server-down.md");
        assertThat(firstFile(question, withLeadName(1))).isEqualTo("flask.md");
    }

    @Test
    void theSameErrorLineAloneIsAnsweredFromTheRunbookThatQuotesIt() {
        assertThat(firstFile("[Errno 98] Address already in use", Ranking.DEFAULT))
                .isEqualTo("flask.md");
    }

    @Test
    void anOrdinaryFirstWordIsNoName() throws Exception {
        var reader = index.runbookSearcher().getIndexReader();
        var analyzer = io.runbookbot.search.analysis.RunbookAnalyzers.incidentEnglishQuery();

        assertThat(LeadName.of(
                        QueryTerms.of("server won't start, uvicorn", analyzer, reader, new Vocabulary(reader)), reader))
                .isEmpty();
        assertThat(LeadName.of(QueryTerms.of("uvicorn won't start", analyzer, reader, new Vocabulary(reader)), reader))
                .contains("uvicorn");
    }
}
