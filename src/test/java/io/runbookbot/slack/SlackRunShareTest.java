package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The Share button of a diagnostic's output carries the output, within Slack's 2,000 characters. */
class SlackRunShareTest {

    private static DiagnosticReport.Ran ran(String stdout, String stderr) {
        return new DiagnosticReport.Ran(
                "ran",
                new DiagnosticCall("local", "disk-usage", Map.of("path", "/var/log")),
                1,
                stdout,
                stderr,
                true,
                false,
                37);
    }

    @Test
    void aScreenOfOutputTravelsWholeInTheButtonAndComesBackAsItWas() {
        String stdout = "Filesystem Size Used Avail Use% Mounted on\n"
                + "/dev/sda1 50G 48G 2.0G 96% /\n".repeat(80); // 2,400 characters of df output
        DiagnosticReport.Ran original = ran(stdout, "df: /mnt/x: Permission denied\n");

        String value = SlackRunShare.value(original).orElseThrow();
        DiagnosticReport.Ran back = SlackRunShare.decode(value);

        assertThat(value.length()).isLessThanOrEqualTo(SlackButtonValue.MAX_VALUE);
        assertThat(back.stdout()).isEqualTo(stdout);
        assertThat(back.stderr()).isEqualTo(original.stderr());
        assertThat(back.call()).isEqualTo(original.call());
        assertThat(back.exitCode()).isEqualTo(1);
        assertThat(back.durationMillis()).isEqualTo(37);
        assertThat(back.truncated()).isTrue();
    }

    @Test
    void outputThatDoesNotCompressIsCutToFitAndTheSharedCopySaysSo() {
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            noise.append((char) ('!' + random.nextInt(90)));
            if (i % 60 == 59) {
                noise.append('\n');
            }
        }

        String value = SlackRunShare.value(ran(noise.toString(), "")).orElseThrow();
        DiagnosticReport.Ran back = SlackRunShare.decode(value);

        assertThat(value.length()).isLessThanOrEqualTo(SlackButtonValue.MAX_VALUE);
        assertThat(back.stdout()).endsWith(SlackRunShare.CUT);
        assertThat(noise.toString())
                .startsWith(back.stdout().substring(0, back.stdout().length() - SlackRunShare.CUT.length()));
    }

    @Test
    void aValueBuiltToInflateToAMegabyteIsRefusedAfterReadingAtMost32KiB() {
        byte[] zeros = new byte[1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(zeros);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String bomb = Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());

        assertThat(bomb.length()).isLessThanOrEqualTo(SlackButtonValue.MAX_VALUE); // a value Slack would carry
        assertThatThrownBy(() -> SlackRunShare.decode(bomb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("value inflates past " + SlackRunShare.MAX_INFLATED + " bytes");
    }

    @Test
    void valuesTheBotDidNotWriteAreRefused() {
        for (String forged : new String[] {
            "",
            "{\"i\":\"x\"}",
            "not base64 !",
            Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))
        }) {
            assertThatThrownBy(() -> SlackRunShare.decode(forged))
                    .as(forged)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
