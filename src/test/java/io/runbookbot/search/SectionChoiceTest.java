package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which section a user is shown: the one whose role answers what the question asks for, and the
 * smallest one that answers. Each test also asks with that rule turned off, so that it shows the
 * rule (not the wording of the runbook) makes the difference.
 */
class SectionChoiceTest {
    private static final String KUBELET_DOWN = """
            # KubeletDown

            ## Meaning

            The alert fires when Prometheus has not scraped a kubelet for fifteen minutes:
            the node agent is gone or unreachable from the monitoring stack.

            ## Impact

            Pods on that node are not managed: no new pods start there and probes stop.

            ## Diagnosis

            Check the kubelet service on the node and its journal.
            Check whether the kubelet process is running and its port answers.
            Look at kubelet certificates; an expired kubelet client certificate stops it.

            ## Mitigation

            Restart the kubelet service on the node.
            If the kubelet cannot start, cordon and drain the node, then replace it.
            Renew kubelet certificates if they expired.
            """;

    private static final String CERTIFICATES = certificatesRunbook();

    private static RunbookIndex index;

    @BeforeAll
    static void indexRunbooks() {
        RunbookParser parser = new RunbookParser();
        List<Runbook> runbooks = List.of(
                parser.parse("alerts/KubeletDown.md", KUBELET_DOWN), parser.parse("tls/certificates.md", CERTIFICATES));
        index = RunbookIndexer.build(runbooks);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static RunbookSection shown(String question, Ranking ranking) {
        return new LuceneRunbookSearch(index, ranking)
                .ask(question, 5)
                .best()
                .orElseThrow()
                .section();
    }

    /** The default ranking with the same prior for checking and fixing sections. */
    private static Ranking withCheckAndFix(float prior) {
        return RankingVariant.of(Ranking.DEFAULT).check(prior).fix(prior).build();
    }

    private static Ranking with(float intent, float childCover) {
        return RankingVariant.of(Ranking.DEFAULT)
                .intent(intent)
                .childCover(childCover)
                .build();
    }

    @Test
    void whatDoesAnAlertMeanShowsItsMeaningSection() {
        String question = "what does KubeletDown mean";

        assertThat(shown(question, Ranking.DEFAULT).heading()).isEqualTo("Meaning");
        assertThat(shown(question, with(0, Ranking.DEFAULT.childCover())).heading())
                .isNotEqualTo("Meaning");
    }

    @Test
    void howDoIFixItShowsTheMitigationSection() {
        String question = "KubeletDown on a worker, how do I fix the kubelet";

        assertThat(shown(question, Ranking.DEFAULT).heading()).isEqualTo("Mitigation");
        assertThat(shown(question, with(0, Ranking.DEFAULT.childCover())).heading())
                .isEqualTo("Diagnosis");
    }

    @Test
    void aSymptomWithoutIntentStillShowsWhatToDo() {
        assertThat(shown("kubelet not running on the node, KubeletDown", Ranking.DEFAULT)
                        .heading())
                .isIn("Diagnosis", "Mitigation");
    }

    @Test
    void anAlertNameAloneShowsHowToFixBeforeHowToCheck() {
        String question = "KubeletDown firing for worker-3";

        assertThat(shown(question, Ranking.DEFAULT).heading()).isEqualTo("Mitigation");
        assertThat(shown(question, withCheckAndFix(Ranking.DEFAULT.action())).heading())
                .isEqualTo("Diagnosis");
    }

    @Test
    void aTwelveLineSubsectionThatAnswersExactlyIsShownInsteadOfItsSeventyLineContainer() {
        RunbookSection container = index.units().stream()
                .filter(u -> u.heading().equals("Certificate problems"))
                .findFirst()
                .orElseThrow();

        RunbookSection shown =
                shown("cert-manager certificate stuck in pending, the ACME order is never fulfilled", Ranking.DEFAULT);

        assertThat(container.endLine() - container.line() + 1).isBetween(60, 80);
        assertThat(shown.heading()).isEqualTo("Order never fulfilled");
        assertThat(shown.endLine() - shown.line() + 1).isBetween(10, 14);
    }

    @Test
    void aQuestionSpanningSubsectionsShowsTheirContainer() {
        String question = "order not fulfilled, then a key mismatch, now the renewal window";

        assertThat(shown(question, Ranking.DEFAULT).heading()).isEqualTo("Certificate problems");
        assertThat(shown(question, with(Ranking.DEFAULT.intent(), 0)).heading()).isEqualTo("Order never fulfilled");
    }

    @Test
    void aOneLineSubsectionIsNeverShownWithoutItsContext() {
        String question = "certificate secret shows tls.key mismatch against tls.crt";

        assertThat(shown(question, Ranking.DEFAULT).heading()).isEqualTo("Certificate problems");
        assertThat(shown(question, with(Ranking.DEFAULT.intent(), 0)).heading()).isEqualTo("Key mismatch");
    }

    private static final String NOT_CONNECTED = """
            # ExporterNotConnected

            ## Meaning

            The exporter is not connected to any collector.

            ## Impact

            Metrics from the exporter are lost.

            ## Diagnosis

            Check connectivity between the exporter and the collector.
            Check network policies and saturation on the path.
            Check whether the collector is overloaded or short of resources.

            ## Mitigation

            Run more collectors for the exporter, spread over the nodes.
            """;

    private static final String TRIAGE_STEPS = """
            # Repository traffic

            ## 1. Check the dashboard

            Open the dashboard of the storage nodes and note the busiest node.
            Note the time the load started and which service is calling.
            Compare with the same hour of the previous day.

            ## 2. Evaluate impact

            A single client cloning a public repository in a loop, as if it were a CDN, makes every
            upload-pack run cost CPU on the storage node; see how much of the load that client is,
            whether the pack cache serves its clones, and whether other users see latency.

            ## 3. Remedies

            Rate limit the client, or block it when it harms other users of the storage node.
            Raise the pack cache size when many clients clone the same repository.
            Move the repository to another storage node.
            """;

    private static final String SERVER_START = """
            # Server won't start

            ## Resolution A: Fix ownership

            Fix ownership of the data directory recursively with chown.
            Fix permissions on the data directory with chmod.
            Start the server again.

            ## Validation

            After applying a resolution, check the server is healthy:
            its service is active, the health endpoint returns 200,
            and the logs show a successful startup.
            """;

    @Test
    void aOneLineFixDoesNotOutrankAFullCheckOfTheSameAlert() {
        String question = "ExporterNotConnected";
        Ranking off = RankingVariant.of(Ranking.DEFAULT).thin(0).build();

        assertThat(OneRunbook.headingShown("ExporterNotConnected.md", NOT_CONNECTED, question, Ranking.DEFAULT))
                .isEqualTo("Diagnosis");
        assertThat(OneRunbook.headingShown("ExporterNotConnected.md", NOT_CONNECTED, question, off))
                .isEqualTo("Mitigation");
    }

    @Test
    void aNumberedStepNamingImpactIsAStepNotADescription() {
        String question = "someone uses a public repository as a CDN and hammers the storage node with upload-pack";
        Ranking off = RankingVariant.of(Ranking.DEFAULT).step(0).build();

        assertThat(OneRunbook.headingShown("traffic.md", TRIAGE_STEPS, question, Ranking.DEFAULT))
                .isEqualTo("2. Evaluate impact");
        assertThat(OneRunbook.headingShown("traffic.md", TRIAGE_STEPS, question, off))
                .isNotEqualTo("2. Evaluate impact");
    }

    @Test
    void aFixTheQuestionSaysIsDoneIsNotWhatItAsksFor() {
        String question = "fixed the server, how do I confirm it's actually healthy again";
        Ranking off = RankingVariant.of(Ranking.DEFAULT).done(0).build();

        assertThat(OneRunbook.headingShown("server.md", SERVER_START, question, Ranking.DEFAULT))
                .isEqualTo("Validation");
        assertThat(OneRunbook.headingShown("server.md", SERVER_START, question, off))
                .isEqualTo("Resolution A: Fix ownership");
    }

    /** A thin container (its own text is one line) of about 70 lines, with a 12-line subsection. */
    private static String certificatesRunbook() {
        StringBuilder md = new StringBuilder("""
                # TLS certificates

                ## Certificate problems

                Problems with cert-manager certificates.

                ### Order never fulfilled

                When a cert-manager certificate stays pending, the ACME order was not fulfilled.
                List the orders and their challenges:

                    kubectl get orders,challenges -A

                A challenge stuck in pending means the solver cannot be reached by the ACME server.
                Check the ingress of the solver and that DNS points at it.
                Delete the order to make cert-manager create a new one.

                ### Key mismatch

                tls.key mismatch against tls.crt in the certificate secret: delete the secret.

                ### Renewal window

                Renewal starts at two thirds of the lifetime; the renewal window is set by renewBefore.
                """);
        for (int i = 1; i <= 22; i++) {
            md.append("Line ").append(i).append(" of notes about the lifetime and rotation of issued secrets.\n\n");
        }
        md.append("""
                ## Other

                Unrelated text about load balancers, quotas and DNS zones.
                """);
        return md.toString();
    }
}
