package io.runbookbot.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.core.CodeBlock;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerUnitsTest {
    private final RunbookParser parser = new RunbookParser();

    private List<RunbookSection> units(String markdown) {
        return AnswerUnits.of(parser.parse("ops/x.md", markdown));
    }

    private static Optional<RunbookSection> unit(List<RunbookSection> units, String heading) {
        return units.stream().filter(u -> u.heading().equals(heading)).findFirst();
    }

    @Test
    void sectionWithItsOwnBodyAnswersWithJustThatBody() {
        String markdown = """
                # Disk full

                ## Diagnosis

                Check which mount is full with df -h.
                Look for the biggest folders with du.
                Old logs under /var/log are the usual cause.

                ### Cleanup

                Remove rotated logs.
                """;

        RunbookSection diagnosis = unit(units(markdown), "Diagnosis").orElseThrow();

        assertThat(diagnosis.line()).isEqualTo(3);
        assertThat(diagnosis.endLine()).isEqualTo(7);
        assertThat(diagnosis.text()).isEqualTo("""
                ## Diagnosis

                Check which mount is full with df -h.
                Look for the biggest folders with du.
                Old logs under /var/log are the usual cause.""");
    }

    @Test
    void thinContainerHeadingAnswersWithItsWholeSubtree() {
        String markdown = """
                # Troubleshooting

                ## Database

                Two common cases.

                ### Too many clients

                Lower the pool size.

                ### Connection refused

                Start postgres.

                ## Web
                """;

        RunbookSection database = unit(units(markdown), "Database").orElseThrow();

        assertThat(database.line()).isEqualTo(3);
        assertThat(database.endLine()).isEqualTo(13);
        assertThat(database.text()).endsWith("### Connection refused\n\nStart postgres.");
    }

    @Test
    void subsectionsOfAThinContainerStillAnswerOnTheirOwn() {
        String markdown = """
                # Troubleshooting

                ## Database

                Two common cases.

                ### Too many clients

                Lower the pool size.

                ### Connection refused

                Start postgres.
                """;

        assertThat(units(markdown))
                .extracting(RunbookSection::heading, RunbookSection::line, RunbookSection::endLine)
                .containsExactly(
                        tuple("Database", 3, 13), tuple("Too many clients", 7, 9), tuple("Connection refused", 11, 13));
    }

    @Test
    void containerWhoseSubtreeExceedsEightyLinesAnswersWithItsOwnBodyOnly() {
        String steps = IntStream.rangeClosed(1, 90).mapToObj(i -> "step " + i).collect(Collectors.joining("\n"));
        String markdown =
                "# Troubleshooting\n\n## Database\n\nTwo common cases.\n\n### Long procedure\n\n" + steps + "\n";

        RunbookSection database = unit(units(markdown), "Database").orElseThrow();

        assertThat(database.endLine()).isEqualTo(5);
        assertThat(database.text()).isEqualTo("## Database\n\nTwo common cases.");
    }

    @Test
    void singleTopLevelHeadingAnswersWithItsOwnBodyNotTheWholeRunbook() {
        String markdown = """
                # API server down

                Use this when the API does not answer.

                ## Check the process

                ps aux | grep uvicorn
                """;

        RunbookSection title = unit(units(markdown), "API server down").orElseThrow();

        assertThat(title.endLine()).isEqualTo(3);
        assertThat(title.text()).isEqualTo("# API server down\n\nUse this when the API does not answer.");
    }

    @Test
    void singleTopLevelHeadingWithoutBodyGivesNoUnit() {
        String markdown = """
                # API server down

                ## Check the process

                ps aux | grep uvicorn
                """;

        assertThat(units(markdown)).extracting(RunbookSection::heading).containsExactly("Check the process");
    }

    @Test
    void oneOfSeveralTopLevelHeadingsAnswersWithItsSubtreeWhenThin() {
        String markdown = """
                # API server down

                Two checks.

                ## Check the process

                ps aux | grep uvicorn

                # Database down

                ## Check postgres

                pg_isready
                """;

        RunbookSection api = unit(units(markdown), "API server down").orElseThrow();

        assertThat(api.endLine()).isEqualTo(7);
    }

    @Test
    void headingWithNothingUnderItGivesNoUnit() {
        String markdown = """
                # Runbook

                ## Empty

                ## Restart

                systemctl restart api
                """;

        assertThat(units(markdown)).extracting(RunbookSection::heading).containsExactly("Restart");
    }

    @Test
    void unitCarriesTheCodeBlocksInsideItsText() {
        String markdown = """
                # Runbook

                ## Restart

                Restart the service:

                ```bash
                systemctl restart api
                ```

                ## Verify

                ```
                curl -f localhost:8000/health
                ```
                """;

        RunbookSection restart = unit(units(markdown), "Restart").orElseThrow();

        assertThat(restart.codeBlocks()).containsExactly(new CodeBlock("bash", "systemctl restart api\n", 7));
    }

    @Test
    void unitPathRunsFromTheTopHeadingDownToItsOwn() {
        String markdown = """
                # Runbook

                ## Database

                ### Too many clients

                Lower the pool size.
                """;

        assertThat(unit(units(markdown), "Too many clients").orElseThrow().path())
                .containsExactly("Runbook", "Database", "Too many clients");
    }

    @Test
    void unitsCarryTheRunbookFileAndTitle() {
        RunbookSection unit = units("# Disk full\n\n## Fix\n\nrm old logs\n").get(0);

        assertThat(unit.file()).isEqualTo("ops/x.md");
        assertThat(unit.title()).isEqualTo("Disk full");
    }

    @Test
    void everyShownStringOfAUnitIsRedactedWhenTheUnitIsMade() {
        String markdown = """
                ---
                title: "DB at postgresql://app:T1tle@db/app"
                ---
                # Orders PGPASSWORD=R00t

                ## Check with PASSWORD=H3ading \u001b[31m

                Connect with the password from the vault.
                Then run the check.
                Then look at the logs.
                """;

        RunbookSection check =
                units(markdown).stream().filter(u -> u.level() == 2).findFirst().orElseThrow();

        assertThat(check.title()).isEqualTo("DB at postgresql://app:****@db/app");
        assertThat(check.heading()).isEqualTo("Check with PASSWORD=**** \uFFFD[31m");
        assertThat(check.path()).containsExactly("Orders PGPASSWORD=****", "Check with PASSWORD=**** \uFFFD[31m");
        assertThat(check.text()).startsWith("## Check with PASSWORD=**** \uFFFD[31m\n");
    }
}
