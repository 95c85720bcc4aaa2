package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 14: control characters from questions, runbooks (text, headings, file names) and
 * error messages were echoed raw to the terminal: ESC sequences recolour or clear the screen, OSC
 * retitles the window or plants a link, BEL rings, U+009B is an 8-bit CSI, U+202E reverses what a
 * line seems to say. The packaged jar runs for real; no such byte reaches stdout or stderr.
 */
class TerminalEscapeSecurityIT {
    private static final String ESC = "\u001b";
    private static final String HOSTILE = ESC + "[2J" + ESC + "]0;pwned\u0007" + ESC + "]8;;http://evil.example/\u0007"
            + "\u0000\u009b31m\u202Egnp.exe";
    /** An argument cannot hold NUL (the kernel ends it there), and shares no word with the runbook. */
    private static final String HOSTILE_ARGUMENT = ESC + "[2J" + ESC + "]0;zzqq\u0007\u009b31m\u202Eqqzz";

    @TempDir
    Path dir;

    @BeforeEach
    void runbooks() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(
                dir.resolve("runbooks/disk" + ESC + "[31m.md"), """
                # Disk full %s

                ## Free space on /var %s

                The disk is full: no space left on device. %s
                Remove old logs under /var/log and rotate them.

                ```bash
                du -sh /var/log/* %s
                ```
                """.formatted(HOSTILE, HOSTILE, HOSTILE, HOSTILE));
    }

    @Test
    void anAnswerFromARunbookFullOfEscapesShowsReplacementCharactersInsteadOfControlBytes() throws Exception {
        JarRun run = JarRun.of(dir, new byte[0], "ask", "--runbooks", "runbooks", "no space left on device");

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).contains("Free space on /var \uFFFD[2J\uFFFD]0;pwned\uFFFD");
        assertNoControlBytes(run);
    }

    @Test
    void aQuestionFullOfEscapesIsEchoedWithoutControlBytes() throws Exception {
        JarRun text = JarRun.of(dir, new byte[0], "ask", "--runbooks", "runbooks", "zebra " + HOSTILE_ARGUMENT);
        JarRun json =
                JarRun.of(dir, new byte[0], "ask", "--json", "--runbooks", "runbooks", "disk full " + HOSTILE_ARGUMENT);

        assertThat(text.stdout()).contains("No runbook matches \"zebra \uFFFD[2J");
        assertNoControlBytes(text);
        assertNoControlBytes(json);
    }

    @Test
    void searchJsonlWithEscapesInQuestionsAndMalformedLinesWritesNoControlBytes() throws Exception {
        String input = "{\"id\":1,\"question\":\"disk full \\u001b[2J \\u009b31m\"}\n" + "not json " + HOSTILE + "\n";

        JarRun run =
                JarRun.of(dir, input.getBytes(StandardCharsets.UTF_8), "search", "--jsonl", "--runbooks", "runbooks");

        assertThat(run.stdout().lines()).hasSize(2);
        assertNoControlBytes(run);
    }

    @Test
    void anErrorMessageThatQuotesAHostileArgumentWritesNoControlBytes() throws Exception {
        JarRun run = JarRun.of(dir, new byte[0], "ask", "--runbooks", "runbooks", "--top", HOSTILE_ARGUMENT, "disk");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("\uFFFD]0;zzqq");
        assertNoControlBytes(run);
    }

    private static void assertNoControlBytes(JarRun run) {
        assertNoControlBytes("stdout", run.out());
        assertNoControlBytes("stderr", run.err());
    }

    private static void assertNoControlBytes(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            assertThat(b < 0x20 && b != '\n' && b != '\t' || b == 0x7F)
                    .as("%s byte %d is control 0x%02x in: %s", name, i, b, text)
                    .isFalse();
        }
        assertThat(text.codePoints()
                        .filter(c ->
                                c >= 0x80 && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069))
                .as("%s C1 or bidi characters in: %s", name, text)
                .isEmpty();
    }
}
