package io.runbookbot.search;

import static io.runbookbot.search.OneRunbook.headingShown;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The section whose role the question names is shown, although another section of the same
 * runbook matches more of its words: an alert runbook's Meaning section restates the alert's name,
 * and a subsection may mention the word that heads its container.
 */
class AskedRoleTest {
    private static final String FILESYSTEM_ALMOST_FULL = """
            # NodeFilesystemAlmostFull

            ## Meaning

            The NodeFilesystemAlmostFull alert fires when a filesystem of a node is almost
            full: less than five percent of its space is left on the node filesystem.

            ## Impact

            Writes fail once no space is left. Pods are evicted and new pods are not
            scheduled there; logs and metrics are lost.

            ## Diagnosis

            Find what fills the filesystem with `du -xh / | sort -h | tail`.

            ## Mitigation

            Delete old logs and unused images, or grow the volume.
            """;

    private static final String ESCALATION = """
            # Payments runbook

            ## Restarting the workers

            Restart the payment workers one at a time and watch the queue drain.

            ## Escalation Procedures

            If this runbook does not resolve the incident:

            ### Level 1: Team lead

            - Contact: payments-lead@example.com
            - When: after 30 minutes of troubleshooting

            ### Level 2: Database on-call

            - Contact: the database pager
            - When: replication or storage errors

            ### Incident report template

            When escalating, include:
            - the start time and the symptoms users see;
            - what you tried and what it changed;
            - the current state and any workaround in place.
            """;

    private static final String NODE_REBOOTS = """
            # Node Reboots

            Search tags: reboot, restart, instance, node, VM, machine

            ## Discovering GCE casualties

            Sometimes the cloud provider itself restarts a node for maintenance.
            Search the provider's activity log for compute.instances.hostError
            and for automatic restarts of the instance in that hour.
            """;

    private static String shown(String file, String markdown, String question) {
        return headingShown(file, markdown, question, Ranking.DEFAULT);
    }

    @Test
    void whatWillItBreakShowsTheImpactSection() {
        String file = "NodeFilesystemAlmostFull.md";
        String md = FILESYSTEM_ALMOST_FULL;

        assertThat(shown(file, md, "NodeFilesystemAlmostFull is firing on a node, what will it break"))
                .isEqualTo("Impact");
        assertThat(shown(file, md, "how bad is NodeFilesystemAlmostFull")).isEqualTo("Impact");
        assertThat(shown(file, md, "what's the impact of node filesystem almost full"))
                .isEqualTo("Impact");
        assertThat(headingShown(
                        file,
                        md,
                        "how bad is NodeFilesystemAlmostFull",
                        RankingVariant.of(Ranking.DEFAULT).intent(0).build()))
                .isNotEqualTo("Impact");
    }

    @Test
    void whatDoesItMeanShowsTheMeaningSection() {
        assertThat(shown(
                        "NodeFilesystemAlmostFull.md",
                        FILESYSTEM_ALMOST_FULL,
                        "what does NodeFilesystemAlmostFull mean"))
                .isEqualTo("Meaning");
    }

    @Test
    void aBareTitleIsNotTheAnswerWhenItsRunbookHasOne() {
        assertThat(shown(
                        "node-reboots.md",
                        NODE_REBOOTS,
                        "vm rebooted by itself in the night, was it the cloud provider?"))
                .isEqualTo("Discovering GCE casualties");
    }

    @Test
    void whoToEscalateToShowsTheEscalationSectionNotTheSubsectionThatSaysEscalating() {
        assertThat(shown("payments.md", ESCALATION, "who do I escalate to")).isEqualTo("Escalation Procedures");
        assertThat(shown("payments.md", ESCALATION, "incident report template for escalating"))
                .isEqualTo("Incident report template");
    }
}
