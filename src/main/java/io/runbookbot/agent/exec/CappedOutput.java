package io.runbookbot.agent.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one stream of a process to its end, keeping the first {@code cap} bytes. When more
 * arrives it marks itself truncated and calls {@code onOverflow} once (the runner kills the
 * process); it keeps draining so the writer is never blocked on a full pipe.
 */
final class CappedOutput implements Runnable {
    private final InputStream in;
    private final int cap;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private boolean truncated;

    CappedOutput(InputStream in, int cap, Runnable onOverflow) {
        this.in = in;
        this.cap = cap;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (keep(chunk, n)) {
                    onOverflow.run();
                }
            }
        } catch (IOException e) {
            // the stream was closed under us (process killed, runner closed): keep what was read
        } finally {
            done.countDown();
        }
    }

    /** Keeps what fits; true the first time bytes had to be dropped. */
    private synchronized boolean keep(byte[] chunk, int n) {
        int room = cap - kept.size();
        kept.write(chunk, 0, Math.min(room, n));
        if (n > room && !truncated) {
            truncated = true;
            return true;
        }
        return false;
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** The kept bytes as UTF-8, cut before an incomplete last character; bad bytes become '?'. */
    synchronized String text() {
        byte[] bytes = kept.toByteArray();
        return decode(bytes, truncated ? completeLength(bytes) : bytes.length);
    }

    /** Length of {@code bytes} without a trailing multi-byte sequence that was cut in the middle. */
    static int completeLength(byte[] bytes) {
        int end = bytes.length;
        int lead = end - 1;
        while (lead >= 0 && end - lead < 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0) {
            return end;
        }
        int b = bytes[lead] & 0xFF;
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return end - lead < needed ? lead : end;
    }

    private static String decode(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("?");
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
