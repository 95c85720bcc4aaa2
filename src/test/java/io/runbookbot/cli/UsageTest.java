package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code runbook-bot} with no command. */
class UsageTest {

    @Test
    void noCommandPrintsTheUsageWithEveryCommandAndExitsTwoWithoutAStackTrace() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Usage: runbook-bot")
                .contains("ask", "serve", "run", "diagnostics")
                .doesNotContain("Exception", "\tat ");
    }
}
