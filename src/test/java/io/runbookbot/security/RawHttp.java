package io.runbookbot.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 message read off a raw socket: the head (start line and headers, as sent) and a
 * body of Content-Length bytes. Enough for the fakes and proxies of the security tests.
 */
record RawHttp(String head, byte[] body) {
    private static final int MAX_HEAD = 64 * 1024;

    /** Reads one message, or empty when the stream ends before a head. */
    static Optional<RawHttp> read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4
                    && bytes[n - 4] == '\r'
                    && bytes[n - 3] == '\n'
                    && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                String text = new String(bytes, 0, n - 4, StandardCharsets.ISO_8859_1);
                int length = contentLength(text);
                return Optional.of(new RawHttp(text, in.readNBytes(length)));
            }
            if (n > MAX_HEAD) {
                throw new IOException("head too long");
            }
        }
        return Optional.empty();
    }

    static int contentLength(String head) {
        return header(head, "Content-Length")
                .map(String::strip)
                .map(Integer::parseInt)
                .orElse(0);
    }

    static Optional<String> header(String head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return Arrays.stream(head.split("\r\n"))
                .skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst();
    }

    String startLine() {
        return head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same message with another body, its Content-Length fixed and {@code Connection: close}. */
    RawHttp withBody(byte[] newBody) {
        return without("Content-Length")
                .without("Connection")
                .with("Content-Length", Integer.toString(newBody.length))
                .with("Connection", "close")
                .replaceBody(newBody);
    }

    RawHttp withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp without(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        StringBuilder kept = new StringBuilder();
        String[] lines = head.split("\r\n");
        kept.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].toLowerCase(Locale.ROOT).startsWith(prefix)) {
                kept.append("\r\n").append(lines[i]);
            }
        }
        return new RawHttp(kept.toString(), body);
    }

    RawHttp with(String name, String value) {
        return new RawHttp(head + "\r\n" + name + ": " + value, body);
    }

    private RawHttp replaceBody(byte[] newBody) {
        return new RawHttp(head, newBody);
    }

    byte[] bytes() {
        byte[] h = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
