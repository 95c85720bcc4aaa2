package io.runbookbot.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Answer;
import io.runbookbot.core.CodeBlock;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.IndexedRunbooks;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture runbooks ({@link TestRunbooks}), like the shipped ones, spell out database passwords: no answer may show them. */
class RedactedAnswersTest {
    private static final List<String> SECRETS = List.of("$@nJose420", "nJose420", "sovd_password");

    private static IndexedRunbooks runbooks;

    @BeforeAll
    static void index() {
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
    }

    @AfterAll
    static void close() {
        runbooks.close();
    }

    @Test
    void psqlQuestionShowsTheConnectionTestWithoutItsPassword() {
        Answer answer = runbooks.ask("psql connection test with PGPASSWORD", 5);

        assertThat(answer.hits()).isNotEmpty();
        assertThat(answer.hits())
                .extracting(h -> h.section().text())
                .anySatisfy(text -> assertThat(text).contains("PGPASSWORD='****' psql -U postgres"));
        answer.hits().forEach(RedactedAnswersTest::assertNoSecret);
    }

    @Test
    void databaseUrlQuestionShowsTheUrlWithoutItsPassword() {
        Answer answer = runbooks.ask("password authentication failed for user sovd_user DATABASE_URL", 5);

        assertThat(answer.hits())
                .extracting(h -> h.section().text())
                .anySatisfy(text -> assertThat(text).contains("postgresql://sovd_user:****@db:5432/sovd_db"));
        answer.hits().forEach(RedactedAnswersTest::assertNoSecret);
    }

    @Test
    void noSectionOfTheBundledRunbooksShowsASecret() {
        Answer answer = runbooks.ask("password database postgres psql DATABASE_URL PGPASSWORD", 1_000);

        assertThat(answer.hits()).hasSizeGreaterThan(10);
        answer.hits().forEach(RedactedAnswersTest::assertNoSecret);
    }

    private static void assertNoSecret(SectionHit hit) {
        RunbookSection s = hit.section();
        for (String secret : SECRETS) {
            assertThat(s.text()).as("text of %s", s.location()).doesNotContain(secret);
            assertThat(s.codeBlocks())
                    .extracting(CodeBlock::code)
                    .as("code of %s", s.location())
                    .noneMatch(code -> code.contains(secret));
        }
    }
}
