package io.runbookbot.app;

import io.runbookbot.redact.ControlChars;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error as the command line writes them: every character
 * {@link ControlChars#isUnsafe} names (ESC and the sequences it starts, BEL, NUL, CR, C1 controls,
 * bidi overrides) becomes U+FFFD ({@code ?} when the terminal's charset is not UTF-8), whatever
 * wrote it: an answer, a question echoed back, a runbook's file name, a log line, picocli's own
 * error messages. JSON stays valid: its writer escapes C0 controls itself, and U+FFFD is an
 * ordinary character.
 *
 * <p>Works on the encoded bytes, so nothing can bypass it; a UTF-8 sequence split across writes is
 * held until it is complete.
 */
final class TerminalSafeOutput extends FilterOutputStream {
    private static final byte[] REPLACEMENT_UTF8 =
            String.valueOf(ControlChars.REPLACEMENT).getBytes(StandardCharsets.UTF_8);
    private final boolean utf8;
    private final byte[] pending = new byte[3];
    private int pendingLength;

    private TerminalSafeOutput(OutputStream out, boolean utf8) {
        super(out);
        this.utf8 = utf8;
    }

    /** Replaces {@code System.out} and {@code System.err} by filtered streams in the same charset. */
    static void install() {
        Charset charset = Charset.forName(System.getProperty(
                "sun.stdout.encoding", Charset.defaultCharset().name()));
        System.setOut(printStream(System.out, charset));
        System.setErr(printStream(System.err, charset));
    }

    static PrintStream printStream(OutputStream raw, Charset charset) {
        return new PrintStream(new TerminalSafeOutput(raw, charset.equals(StandardCharsets.UTF_8)), true, charset);
    }

    @Override
    public void write(int b) throws IOException {
        int c = b & 0xFF;
        if (pendingLength > 0) {
            continueSequence(c);
        } else if (c < 0x80 || !utf8) {
            if (ControlChars.isUnsafe(c)) {
                replace();
            } else {
                out.write(c);
            }
        } else if (c == 0xC2 || c == 0xE2) {
            pending[pendingLength++] = (byte) c;
        } else {
            out.write(c);
        }
    }

    /** Passes runs of plain bytes through in one write; looks at the others one by one. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int run = off;
        for (int i = off; i < off + len; i++) {
            if (pendingLength > 0 || !plain(b[i] & 0xFF)) {
                out.write(b, run, i - run);
                write(b[i]);
                run = i + 1;
            }
        }
        out.write(b, run, off + len - run);
    }

    private boolean plain(int c) {
        return c < 0x80 ? !ControlChars.isUnsafe(c) : utf8 && c != 0xC2 && c != 0xE2 || !utf8 && c > 0x9F;
    }

    @Override
    public void close() throws IOException {
        out.write(pending, 0, pendingLength);
        pendingLength = 0;
        super.close();
    }

    /** A lead byte C2 (U+0080-U+00BF) or E2 (U+2000-U+2FFF) is pending; {@code c} follows it. */
    private void continueSequence(int c) throws IOException {
        if (c < 0x80 || c > 0xBF) {
            out.write(pending, 0, pendingLength);
            pendingLength = 0;
            write(c);
            return;
        }
        pending[pendingLength++] = (byte) c;
        int lead = pending[0] & 0xFF;
        if (lead == 0xC2 || pendingLength == 3) {
            int codePoint = lead == 0xC2 ? c & 0x3F | 0x80 : (lead & 0x0F) << 12 | (pending[1] & 0x3F) << 6 | c & 0x3F;
            if (ControlChars.isUnsafe(codePoint)) {
                replace();
            } else {
                out.write(pending, 0, pendingLength);
            }
            pendingLength = 0;
        }
    }

    private void replace() throws IOException {
        if (utf8) {
            out.write(REPLACEMENT_UTF8);
        } else {
            out.write('?');
        }
    }
}
