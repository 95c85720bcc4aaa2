package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeOutputTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String print(Charset charset, String... parts) {
        PrintStream out = TerminalSafeOutput.printStream(bytes, charset);
        for (String part : parts) {
            out.print(part);
        }
        out.flush();
        return bytes.toString(charset);
    }

    @Test
    void replacesEscapeSequencesBellNulAndCarriageReturnAndKeepsNewlinesAndTabs() {
        String shown = print(StandardCharsets.UTF_8, "a\u001b[31mred\u001b]0;title\u0007b\u0000c\rd\n\te");

        assertThat(shown).isEqualTo("a\uFFFD[31mred\uFFFD]0;title\uFFFDb\uFFFDc\uFFFDd\n\te");
    }

    @Test
    void replacesC1ControlsAndBidiOverridesAndKeepsOtherUnicode() {
        String shown = print(StandardCharsets.UTF_8, "x\u009b31my \u202Eevil\u202C \u2066i\u2069 é € … — 日本 🙂");

        assertThat(shown).isEqualTo("x\uFFFD31my \uFFFDevil\uFFFD \uFFFDi\uFFFD é € … — 日本 🙂");
    }

    @Test
    void catchesASequenceSplitAcrossWrites() throws Exception {
        PrintStream out = TerminalSafeOutput.printStream(bytes, StandardCharsets.UTF_8);
        byte[] csi = "\u009b".getBytes(StandardCharsets.UTF_8);
        byte[] rlo = "\u202E".getBytes(StandardCharsets.UTF_8);

        out.write(csi, 0, 1);
        out.flush();
        out.write(csi, 1, 1);
        out.write(rlo, 0, 2);
        out.flush();
        out.write(rlo, 2, 1);
        out.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void writesAQuestionMarkForAnUnsafeCharacterInASingleByteCharset() {
        String shown = print(StandardCharsets.ISO_8859_1, "a\u001bb\u009bc é");

        assertThat(shown).isEqualTo("a?b?c é");
    }
}
