package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Alertmanager IT fails, never skips, when a program it runs is missing. */
class LocalProcessTest {

    @Test
    void aMissingProgramFailsWithThePackageToInstall() {
        assertThatThrownBy(() -> LocalProcess.require("runbook-bot-no-such-program", "prometheus-alertmanager"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install prometheus-alertmanager")
                .hasMessageContaining("must run, not be skipped");
    }

    @Test
    void aProgramOnThePathIsFound() {
        assertThat(LocalProcess.require("sh", "dash")).isExecutable();
    }
}
