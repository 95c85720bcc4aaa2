package io.runbookbot.core.chat;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes a runbook's relative links ({@code [x](./other.md#a)}, {@code [y](../db/failover.md)},
 * {@code [z](#impact)}) usable in chat, where they would otherwise lead nowhere: resolved against
 * the runbook's address in its repository when a source URL is configured ({@link SourceLinks}),
 * else written as the label with the linked file's path in the runbooks folder, for the reader to
 * open. Absolute links ({@code https:}, {@code mailto:}) are kept; code blocks are left alone by the
 * caller. One pass over each line, no regular expressions.
 */
final class RelativeLinks {
    /** Link targets longer than this are left as written. */
    private static final int MAX_TARGET = 500;

    private final String file;
    private final @Nullable URI base;

    /**
     * @param file the runbook's path in the runbooks folder ({@code docs/db/replica.md})
     * @param base the runbook's own address, when known
     */
    RelativeLinks(String file, Optional<URI> base) {
        this.file = file;
        this.base = base.orElse(null);
    }

    /** The line with every relative inline link resolved. */
    String line(String line) {
        if (!line.contains("](")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        int open = -1; // the last '[' not yet copied: remembered on the way, never searched back for
        for (int at = 0; at + 1 < line.length(); at++) {
            char c = line.charAt(at);
            if (c == '[') {
                open = at;
            } else if (c == ']' && line.charAt(at + 1) == '(' && open >= copied) {
                int close = targetEnd(line, at + 2);
                String resolved = close > 0 ? resolve(line.substring(at + 2, close)) : null;
                if (resolved != null) {
                    String label = line.substring(open + 1, at);
                    out.append(line, copied, open);
                    out.append(base != null ? "[" + label + "](" + resolved + ")" : label + " (" + resolved + ")");
                    copied = close + 1;
                    at = close;
                }
            }
        }
        return out.append(line, copied, line.length()).toString();
    }

    /** The index of the {@code )} ending a link target that starts at {@code from}; -1 if none. */
    private static int targetEnd(String line, int from) {
        int limit = Math.min(line.length(), from + MAX_TARGET);
        for (int i = from; i < limit; i++) {
            char c = line.charAt(i);
            if (c == ')') {
                return i > from ? i : -1;
            }
            if (c == ' ' || c == '(' || c == '<' || c == '>') {
                return -1; // a title, nested parentheses or an autolink: left as written
            }
        }
        return -1;
    }

    /** The target made absolute (with a base) or a folder path (without); null to leave it as is. */
    private @Nullable String resolve(String target) {
        if (hasScheme(target) || target.startsWith("//")) {
            return null;
        }
        try {
            if (base != null) {
                return base.resolve(target).toString();
            }
            URI inFolder = URI.create("file:///" + encode(file)).resolve(target);
            String path = inFolder.getPath();
            String anchor = inFolder.getFragment() == null ? "" : "#" + inFolder.getFragment();
            return (path == null || path.length() <= 1 ? "" : path.substring(1)) + anchor;
        } catch (IllegalArgumentException e) {
            return null; // not a URI reference: shown as written
        }
    }

    private static boolean hasScheme(String target) {
        int colon = target.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = target.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** A folder path as a URI path: each segment percent-encoded where URIs need it. */
    static String encode(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            }
        }
        return b.toString();
    }
}
