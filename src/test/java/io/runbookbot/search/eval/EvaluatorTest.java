package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator scores what the user sees: an abstention is a miss however well the ranking did. */
class EvaluatorTest {
    @TempDir
    Path dir;

    private LoadResult loaded;
    private RunbookSection diskFull;
    private RunbookSection oom;

    @BeforeEach
    void runbooks() throws IOException {
        Files.writeString(
                dir.resolve("disk.md"), "# Disk\n\n## Disk full\n\nRun df -h.\n\n## Out of memory\n\nRun free -m.\n");
        loaded = new RunbookLoader().load(dir);
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        diskFull = units.stream()
                .filter(u -> u.heading().equals("Disk full"))
                .findFirst()
                .orElseThrow();
        oom = units.stream()
                .filter(u -> u.heading().equals("Out of memory"))
                .findFirst()
                .orElseThrow();
    }

    private static EvalQuestion question(String id, String heading) {
        return new EvalQuestion(
                id, "q " + id, "symptom", List.of(new EvalQuestion.Expected("disk.md", heading, List.of())));
    }

    private EvalReport evaluate(boolean answered, RunbookSection... ranked) {
        List<SectionHit> hits =
                java.util.Arrays.stream(ranked).map(s -> new SectionHit(s, 1)).toList();
        return new Evaluator((q, n) -> new Answer(q, answered, hits, Confidence.MEDIUM), loaded.runbooks())
                .evaluate(List.of(question("a", "Disk full")));
    }

    @Test
    void anAnsweredQuestionWithTheExpectedSectionFirstIsAHitAtEveryK() {
        Metrics m = evaluate(true, diskFull, oom).overall();

        assertThat(List.of(m.hit1(), m.hit3(), m.mrr5(), m.answeredRate())).containsExactly(1.0, 1.0, 1.0, 1.0);
        assertThat(m.withheld()).isZero();
    }

    @Test
    void anAbstentionWithTheExpectedSectionRankedFirstIsAMissAtEveryKAndCountsAsWithheld() {
        EvalReport report = evaluate(false, diskFull, oom);
        Metrics m = report.overall();

        assertThat(List.of(m.hit1(), m.hit3(), m.mrr5(), m.answeredRate())).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(m.withheld()).isEqualTo(1);
        assertThat(report.byKind().get("symptom").withheld()).isEqualTo(1);
        assertThat(report.misses()).containsExactly("a [symptom] q a (withheld: ranked first, abstained)");
    }

    @Test
    void anAbstentionWithTheExpectedSectionRankedSecondIsAMissButNotWithheld() {
        Metrics m = evaluate(false, oom, diskFull).overall();

        assertThat(List.of(m.hit1(), m.hit3(), m.mrr5())).containsExactly(0.0, 0.0, 0.0);
        assertThat(m.withheld()).isZero();
    }

    @Test
    void eachOutcomeKeepsTheRankingsTopThreeAsFileAndLine() {
        Outcome o = evaluate(false, oom, diskFull).outcomes().get(0);

        assertThat(o.top()).containsExactly("disk.md#" + oom.line(), "disk.md#" + diskFull.line());
        assertThat(o.rankedAt()).isEqualTo(2);
        assertThat(o.shownAt()).isZero();
    }

    @Test
    void theTableHasAWithheldColumnAndALegendSayingAbstentionsAreMisses() {
        String table = evaluate(false, diskFull).table();

        assertThat(table.lines().findFirst().orElseThrow()).contains("answered", "withheld", "abstain");
        assertThat(table).contains("an abstention is a miss at every k");
    }
}
