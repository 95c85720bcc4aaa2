package io.runbookbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroundingTest {
    private static final String SECTION = """
            Free space under `/var/log`:

            ```bash
            sudo journalctl --vacuum-size=500M
            df -h /var
            ```
            Then check nginx.conf and port 8080.
            """;

    @Test
    void acceptsSpansAndCodeLookingWordsCopiedFromTheSection() {
        assertThat(Grounding.unsupported(
                        "Vacuum the journal with `sudo journalctl --vacuum-size=500M`, check "
                                + "`df -h /var`, then nginx.conf (port 8080).",
                        SECTION))
                .isEmpty();
    }

    @Test
    void acceptsPlainProse() {
        assertThat(Grounding.unsupported("Free some space, e.g. old logs, and/or check the web server.", SECTION))
                .isEmpty();
    }

    @Test
    void rejectsABacktickedCommandNotInTheSection() {
        assertThat(Grounding.unsupported("Run `rm -rf /var/log/*`.", SECTION)).contains("rm -rf /var/log/*");
    }

    @Test
    void rejectsAnInventedFlagPathOrNumberInProse() {
        assertThat(Grounding.unsupported("Use --force.", SECTION)).contains("--force");
        assertThat(Grounding.unsupported("Look in /etc/nginx.", SECTION)).contains("/etc/nginx");
        assertThat(Grounding.unsupported("Use port 9090.", SECTION)).contains("9090");
        assertThat(Grounding.unsupported("Set vacuum_size to it.", SECTION)).contains("vacuum_size");
    }

    @Test
    void checksEachLineOfAFencedBlock() {
        assertThat(Grounding.unsupported("```bash\ndf -h /var\nreboot now\n```", SECTION))
                .contains("reboot now");
    }

    @Test
    void comparesWhitespaceRunsAsOneSpace() {
        assertThat(Grounding.unsupported("`sudo  journalctl\n--vacuum-size=500M`", SECTION))
                .isEmpty();
    }
}
