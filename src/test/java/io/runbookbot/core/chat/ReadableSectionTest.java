package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableSectionTest {
    private static final SourceLinks GITHUB =
            new SourceLinks("https://github.example/ops/runbooks/blob/main/{file}#L{line}");

    private static RunbookSection section(String file, String heading, String text) {
        return new RunbookSection(file, "Runbook", heading, List.of("Runbook", heading), 2, 10, 60, text, List.of());
    }

    private static ReadableSection read(String text) {
        return ReadableSection.of(section("docs/db/replica.md", "Mitigation", text), SourceLinks.NONE);
    }

    @Test
    void proseHardWrappedAtEightyColumnsBecomesOneLinePerParagraph() {
        String text = "## Mitigation\n"
                + "When the replica falls behind by more than a few minutes, the primary keeps its\n"
                + "write-ahead log until the replica catches up, so the disk of the primary fills\n"
                + "up as well.\n"
                + "\n"
                + "Restart the replica first.";

        assertThat(read(text).full())
                .isEqualTo("When the replica falls behind by more than a few minutes, the primary keeps its"
                        + " write-ahead log until the replica catches up, so the disk of the primary fills"
                        + " up as well.\n\nRestart the replica first.");
    }

    @Test
    void commandsOnePerLineInAPlainTextRunbookStayOnTheirOwnLines() {
        String text = "Resolution A: Fix ownership\n"
                + "\n"
                + "# Fix ownership recursively\n"
                + "sudo chown -R stemedb:stemedb data/\n"
                + "sudo chmod -R 644 data/wal/*.log\n"
                + "kubectl get pods -n openshift-monitoring -l app.kubernetes.io/name=prometheus -o wide\n"
                + "kubectl describe pod prometheus-k8s-0 -n openshift-monitoring";

        RunbookSection s = section("stemedb.md", "Resolution A: Fix ownership", text);

        assertThat(ReadableSection.of(s, SourceLinks.NONE).full()).isEqualTo(text.substring(text.indexOf("# Fix")));
    }

    @Test
    void listItemsAndHeadingsAreNotJoinedButAWrappedItemIsContinued() {
        String text = "## Steps\n"
                + "- Scale the deployment down to zero replicas and wait until every pod is gone\n"
                + "  before you touch the volume.\n"
                + "- Then scale it back up.\n"
                + "### A heading long enough to look like a wrapped line of ordinary prose text\n"
                + "The text under it.";

        assertThat(read(text).full())
                .isEqualTo("- Scale the deployment down to zero replicas and wait until every pod is gone before"
                        + " you touch the volume.\n- Then scale it back up.\n"
                        + "### A heading long enough to look like a wrapped line of ordinary prose text\n"
                        + "The text under it.");
    }

    @Test
    void codeBlocksStayExactlyAsWritten() {
        String code = "```\nThis line inside a code block is long enough to look like wrapped prose text\n"
                + "and this one would be joined to it if it were prose.\n```";

        assertThat(read("## Mitigation\n" + code).full()).isEqualTo(code);
    }

    @Test
    void aMarkdownTableBecomesAnAlignedCodeBlock() {
        String text = "## Limits\n"
                + "| Role | Per minute | Endpoint |\n"
                + "|------|-----------:|----------|\n"
                + "| engineer | 10 | `/api/commands` |\n"
                + "| admin | 100 | `/api/commands` \\| `/api/admin` |\n"
                + "\n"
                + "Limits reset every minute.";

        assertThat(read(text).full())
                .isEqualTo("```\n"
                        + "Role      Per minute  Endpoint\n"
                        + "--------  ----------  --------------------------\n"
                        + "engineer  10          /api/commands\n"
                        + "admin     100         /api/commands | /api/admin\n"
                        + "```\n\nLimits reset every minute.");
    }

    @Test
    void pipesWithoutADelimiterRowAreNotATable() {
        String text = "## Diagnosis\nps aux | grep uvicorn | head\nsecond | line";

        assertThat(read(text).full()).isEqualTo("ps aux | grep uvicorn | head\nsecond | line");
    }

    @Test
    void relativeLinksResolveAgainstTheRunbooksSourceUrl() {
        String text = "## Mitigation\n"
                + "See [failover](./failover.md#promote), [the index](../README.md), [impact](#impact),"
                + " [docs](https://docs.example/x) and `[not](a-link.md)`.";

        String full = ReadableSection.of(section("docs/db/replica.md", "Mitigation", text), GITHUB)
                .full();

        assertThat(full)
                .contains("[failover](https://github.example/ops/runbooks/blob/main/docs/db/failover.md#promote)")
                .contains("[the index](https://github.example/ops/runbooks/blob/main/docs/README.md)")
                .contains("[impact](https://github.example/ops/runbooks/blob/main/docs/db/replica.md#impact)")
                .contains("[docs](https://docs.example/x)");
    }

    @Test
    void withoutASourceUrlARelativeLinkNamesTheFileInTheRunbooksFolder() {
        String text = "## Mitigation\nSee [failover](./failover.md#promote) and [up](../../top.md).";

        assertThat(read(text).full()).isEqualTo("See failover (docs/db/failover.md#promote) and up (top.md).");
    }

    @Test
    void linksInsideCodeBlocksAreLeftAlone() {
        String text = "## Mitigation\n```\necho '[x](./y.md)'\n```";

        assertThat(ReadableSection.of(section("a.md", "Mitigation", text), GITHUB)
                        .full())
                .isEqualTo("```\necho '[x](./y.md)'\n```");
    }

    @Test
    void aHeadingWrittenOnAPlainLineIsNotRepeatedAsTheFirstLine() {
        RunbookSection inferred = section(
                "stemedb.md",
                "Resolution B: SELinux context",
                "Resolution B: SELinux context\n\nsudo restorecon -Rv data/");
        RunbookSection bold =
                section("guide.md", "Solution 4: CORS Issues", "**Solution 4: CORS Issues**\nCheck CORS.");
        RunbookSection setext = section("guide.md", "Overview", "Overview\n========\nWhat this is.");

        assertThat(ReadableSection.of(inferred, SourceLinks.NONE).full()).isEqualTo("sudo restorecon -Rv data/");
        assertThat(ReadableSection.of(bold, SourceLinks.NONE).full()).isEqualTo("Check CORS.");
        assertThat(ReadableSection.of(setext, SourceLinks.NONE).full()).isEqualTo("What this is.");
    }

    @Test
    void aShortSectionFitsOnItsFirstScreen() {
        ReadableSection r = read("## Mitigation\nRestart the replica.");

        assertThat(r.first()).isEqualTo(r.full());
        assertThat(r.more()).isFalse();
    }

    @Test
    void aLongSectionShowsWholeParagraphsUpToAboutOneScreen() {
        String paragraph = "Check the replica lag on the primary and compare it with the alert threshold. ".repeat(4);
        StringBuilder text = new StringBuilder("## Diagnosis\n");
        for (int i = 0; i < 40; i++) {
            text.append(paragraph.strip()).append(" (").append(i).append(")\n\n");
        }

        ReadableSection r = read(text.toString());

        assertThat(r.more()).isTrue();
        assertThat(r.first().length()).isBetween(1000, ReadableSection.FIRST_SCREEN);
        assertThat(r.full()).startsWith(r.first());
        assertThat(r.first()).endsWith(")");
    }

    @Test
    void aCodeBlockThatStartsOnTheFirstScreenIsShownWholeNeverCut() {
        String intro = "Find the process that holds the port before you restart anything at all. ".repeat(15);
        String code = "```bash\n" + "lsof -i :8000 -sTCP:LISTEN -n -P\n".repeat(12) + "```";

        ReadableSection r = read("## Diagnosis\n" + intro.strip() + "\n\n" + code + "\n\nThen restart it.");

        assertThat(r.first()).endsWith(code);
        assertThat(r.first().length()).isGreaterThan(ReadableSection.FIRST_SCREEN);
        assertThat(r.more()).isTrue();
    }

    @Test
    void aCodeBlockTooLongForAScreenWaitsForTheFullSection() {
        String intro = "Collect these before you escalate.";
        String code = "```\n" + "journalctl -u stemedb-api --since -1h --no-pager\n".repeat(80) + "```";

        ReadableSection r = read("## Escalation\n" + intro + "\n\n" + code);

        assertThat(r.first()).isEqualTo(intro);
        assertThat(r.more()).isTrue();
    }

    @Test
    void aSectionThatIsOneHugeCodeBlockShowsItsFirstLinesFenced() {
        String code = "```\n" + "kubectl get pods -A -o wide\n".repeat(200) + "```";

        ReadableSection r = read("## Diagnosis\n" + code);

        assertThat(r.first()).startsWith("```\nkubectl").endsWith("\n```");
        assertThat(r.first().length()).isLessThanOrEqualTo(ReadableSection.FIRST_SCREEN);
        assertThat(r.more()).isTrue();
    }

    @Test
    void pathologicalMarkdownIsLaidOutInOnePass() {
        String manyPipes = "|".repeat(200_000);
        String brackets = "[](".repeat(50_000);
        String closings = "x](".repeat(300_000); // every "](" without a "[" before it
        String table = "| a | b |\n|---|---|\n" + "| x | y |\n".repeat(50_000);

        for (String text : List.of(manyPipes, brackets, closings, table, "x".repeat(300_000))) {
            ReadableSection r = read("## Mitigation\n" + text);
            assertThat(r.first().length()).isLessThanOrEqualTo(ReadableSection.MAX_FIRST_SCREEN);
        }
    }
}
