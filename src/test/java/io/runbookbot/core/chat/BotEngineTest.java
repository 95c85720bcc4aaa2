package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation core on the fixture runbooks ({@link TestRunbooks}), without any chat platform. */
class BotEngineTest {
    private static final Caller ALICE = new Caller("test", "U1", List.of(), "C1");
    private static IndexedRunbooks runbooks;
    private final List<BotRequest.Feedback> votes = new ArrayList<>();
    private final BotEngine engine = BotEngine.builder(() -> runbooks)
            .feedback((c, v) -> votes.add(v))
            .links(new SourceLinks("https://git.example.com/runbooks/blob/main/{file}#L{line}"))
            .build();

    @BeforeAll
    static void index() {
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
    }

    @AfterAll
    static void close() {
        runbooks.close();
    }

    @Test
    void answersAQuestionWithTheSectionItsSourceLinkAndOtherCandidates() {
        BotReply reply = engine.handle(ALICE, RequestParser.parse("FATAL: sorry, too many clients already"));

        assertThat(reply).isInstanceOf(BotReply.SectionAnswer.class);
        BotReply.SectionAnswer answer = (BotReply.SectionAnswer) reply;
        assertThat(answer.shown().section().heading()).isEqualTo("Too Many Connections");
        assertThat(answer.sourceUrl())
                .contains("https://git.example.com/runbooks/blob/main/troubleshooting-guide.md#L131");
        assertThat(answer.others()).isNotEmpty();
    }

    @Test
    void triageSearchesOnceForASymptomAndNotAtAllForChatter() {
        List<String> searched = new ArrayList<>();
        BotEngine counting = BotEngine.builder(() -> (RunbookSearch) (q, n) -> {
                    searched.add(q);
                    return runbooks.ask(q, n);
                })
                .build();

        assertThat(counting.triage(ALICE, "rolling back now")).isEmpty();
        assertThat(searched).isEmpty();

        assertThat(counting.triage(ALICE, "FATAL: sorry, too many clients already on the api db"))
                .get()
                .isInstanceOf(BotReply.SectionAnswer.class);
        assertThat(searched).hasSize(1);
    }

    @Test
    void triageSaysSameRunbookAsAboveInsteadOfPostingASectionAgainInTheSameChannel() {
        java.util.Set<String> posted = new java.util.HashSet<>();
        BotEngine remembering = BotEngine.builder(() -> runbooks)
                .triageMemory((channel, location) -> !posted.add(channel + " " + location))
                .build();
        String symptom = "FATAL: sorry, too many clients already on the api db";

        BotReply first = remembering.triage(ALICE, symptom).orElseThrow();
        BotReply again = remembering.triage(ALICE, symptom).orElseThrow();
        BotReply elsewhere = remembering
                .triage(new Caller("test", "U2", List.of(), "C2"), symptom)
                .orElseThrow();

        assertThat(first).isInstanceOf(BotReply.SectionAnswer.class);
        assertThat(again)
                .isEqualTo(
                        new BotReply.Text("Same runbook as above: Troubleshooting Guide › Database Connection Issues ›"
                                + " Common Causes & Solutions › Too Many Connections (troubleshooting-guide.md:131)"));
        assertThat(elsewhere).isInstanceOf(BotReply.SectionAnswer.class);
    }

    @Test
    void triageStaysSilentWhenTheSearchFails() {
        BotEngine broken = BotEngine.builder(() -> (RunbookSearch) (q, n) -> {
                    throw new IllegalStateException("index gone");
                })
                .build();

        assertThat(broken.triage(ALICE, "FATAL: sorry, too many clients already"))
                .isEmpty();
    }

    @Test
    void aLongSectionComesAsItsFirstScreenAndWholeWhenAskedFor() {
        String paragraph = "Check the replica lag on the primary and compare it with the alert threshold. ".repeat(4);
        RunbookSection longSection = new RunbookSection(
                "db/replica.md",
                "Replica lag",
                "Diagnosis",
                List.of("Replica lag", "Diagnosis"),
                2,
                5,
                80,
                "## Diagnosis\n" + (paragraph.strip() + "\n\n").repeat(20),
                List.of());
        BotEngine engine = BotEngine.builder(() -> (RunbookSearch)
                        (q, n) -> new Answer(q, true, List.of(new SectionHit(longSection, 9)), Confidence.HIGH))
                .build();

        BotReply.SectionAnswer first = (BotReply.SectionAnswer) engine.handle(ALICE, new BotRequest.Ask("replica lag"));
        BotReply.SectionAnswer whole =
                (BotReply.SectionAnswer) engine.handle(ALICE, new BotRequest.WholeSection("replica lag", 0));

        assertThat(first.readable().more()).isTrue();
        assertThat(first.readable().first().length()).isLessThanOrEqualTo(ReadableSection.FIRST_SCREEN);
        assertThat(whole.readable().more()).isFalse();
        assertThat(whole.readable().first()).isEqualTo(first.readable().full()).hasSizeGreaterThan(5000);
        assertThat(whole.shown()).isEqualTo(first.shown());
    }

    @Test
    void nextMatchShowsTheSecondCandidate() {
        BotReply.SectionAnswer first =
                (BotReply.SectionAnswer) engine.handle(ALICE, new BotRequest.Ask("port already in use"));
        BotReply.SectionAnswer second =
                (BotReply.SectionAnswer) engine.handle(ALICE, new BotRequest.NextMatch("port already in use", 1));

        assertThat(second.shown()).isEqualTo(first.others().get(0));
        assertThat(second.index()).isEqualTo(1);
    }

    @Test
    void nextMatchNeverShowsAPartOrParentOfAnAnswerAlreadyShown() {
        String question = "uvicorn won't start: [Errno 98] Address already in use";
        List<RunbookSection> shown = new ArrayList<>();
        BotReply reply = engine.handle(ALICE, new BotRequest.Ask(question));
        for (int next = 1; reply instanceof BotReply.SectionAnswer answer; next++) {
            RunbookSection section = answer.shown().section();
            assertThat(shown)
                    .as("match %s (%s-%s) against those shown before", next - 1, section.location(), section.endLine())
                    .noneMatch(section::overlaps);
            assertThat(answer.others()).extracting(SectionHit::section).noneMatch(section::overlaps);
            shown.add(section);
            reply = engine.handle(ALICE, new BotRequest.NextMatch(question, next));
        }
        assertThat(shown).hasSize(5);
        assertThat(shown.get(0).location()).isEqualTo("server-wont-start-flask.md:29");
    }

    @Test
    void saysSoWhenNoRunbookMatches() {
        BotReply reply = engine.handle(ALICE, new BotRequest.Ask("wireguard tunnel handshake ok but no traffic"));

        assertThat(reply).isInstanceOf(BotReply.NoMatch.class);
    }

    @Test
    void recordsFeedback() {
        engine.handle(ALICE, new BotRequest.Feedback("q", "troubleshooting-guide.md:131", true));

        assertThat(votes).containsExactly(new BotRequest.Feedback("q", "troubleshooting-guide.md:131", true));
    }

    @Test
    void explainsThatDiagnosticsAreNotConfigured() {
        BotReply reply = engine.handle(ALICE, RequestParser.parse("run disk-usage"));

        assertThat(reply).isEqualTo(new BotReply.Text("Diagnostics are not configured on this bot (no allowlist)."));
    }

    @Test
    void aTypedRunWithoutAnAgentGoesToTheConfiguredDefaultAgentAndOnAgentOverridesIt(@TempDir Path dir)
            throws IOException {
        Path allowlist = Files.writeString(dir.resolve("allowlist.yaml"), """
                version: 1
                commands:
                  - id: kernel
                    description: The kernel release
                    argv: [uname, -r]
                    read_only: true
                """);
        try (CommandRunner runner = new CommandRunner(1, Duration.ofSeconds(2))) {
            DiagnosticsService diagnostics = DiagnosticsService.builder(Allowlist.load(allowlist))
                    .local(runner)
                    .build();
            BotEngine onWeb1 = BotEngine.builder(() -> runbooks)
                    .diagnostics(Optional.of(diagnostics))
                    .defaultAgent("web-1")
                    .build();

            DiagnosticReport typed = report(onWeb1.handle(ALICE, RequestParser.parse("run kernel")));
            DiagnosticReport named = report(onWeb1.handle(ALICE, RequestParser.parse("run kernel on db-2")));

            assertThat(typed.agent()).isEqualTo("web-1");
            assertThat(typed.message()).contains("Unknown agent \"web-1\"");
            assertThat(named.agent()).isEqualTo("db-2");
            assertThat(named.message()).contains("Unknown agent \"db-2\"");
        }
    }

    private static DiagnosticReport report(BotReply reply) {
        assertThat(reply).isInstanceOf(BotReply.Diagnostic.class);
        return ((BotReply.Diagnostic) reply).report();
    }

    @Test
    void turnsUnexpectedFailuresIntoAFixedSentenceWithAnIncidentId() {
        RunbookSearch broken = (q, n) -> {
            throw new IllegalStateException("secret internals");
        };
        BotEngine failing = BotEngine.builder(() -> broken).build();

        BotReply.Text reply = (BotReply.Text) failing.handle(ALICE, new BotRequest.Ask("disk full"));

        assertThat(reply.text())
                .startsWith("Something went wrong on my side (incident ")
                .doesNotContain("secret internals");
    }

    @Test
    void turnsAStackOverflowIntoTheFixedSentenceInsteadOfKillingTheAnswerThread() {
        RunbookSearch overflowing = (q, n) -> {
            throw new StackOverflowError();
        };
        BotEngine failing = BotEngine.builder(() -> overflowing).build();

        BotReply.Text reply = (BotReply.Text) failing.handle(ALICE, new BotRequest.Ask("Aa".repeat(20_000)));

        assertThat(reply.text()).startsWith("Something went wrong on my side (incident ");
    }

    @Test
    void showsUserFacingErrorsAsTheyAre() {
        RunbookSearch gone = (q, n) -> {
            throw new UserFacingException("The runbooks are being re-indexed, ask again in a moment.");
        };
        BotEngine engine2 = BotEngine.builder(() -> gone).build();

        assertThat(engine2.handle(ALICE, new BotRequest.Ask("disk full")))
                .isEqualTo(new BotReply.Text("The runbooks are being re-indexed, ask again in a moment."));
    }
}
