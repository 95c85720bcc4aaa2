package io.runbookbot.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces each private key block by one marker line ({@code [REDACTED RSA PRIVATE KEY]}); a block
 * cut before its END line (capped output) is masked to the end of the text.
 *
 * <p>Linear: BEGIN lines are found with {@code indexOf}, and the END line after them by one
 * forward search that never goes back, so a text of BEGIN lines without END costs one scan.
 */
final class PrivateKeys {
    private static final String BEGIN_MARK = "-----BEGIN ";
    private static final String END_MARK = "-----END ";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ((?:[A-Z0-9]++ ){0,4})PRIVATE KEY( BLOCK)?-----");
    private static final Pattern END = Pattern.compile("-----END (?:[A-Z0-9]++ ){0,4}PRIVATE KEY(?: BLOCK)?-----");
    /** A header followed by key material: the block was cut, not merely named in a sentence. */
    private static final Pattern KEY_FOLLOWS =
            Pattern.compile("[ \\t]*+(?:\\r?\\n|\\\\n)(?:[A-Za-z0-9+/=]{16}|Proc-Type:)");

    private PrivateKeys() {}

    static String replace(String text) {
        if (!text.contains("PRIVATE KEY")) {
            return text;
        }
        Matcher begin = BEGIN.matcher(text);
        Matcher end = END.matcher(text);
        Matcher follows = KEY_FOLLOWS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int endAt = -1;
        int endSearched = 0;
        for (int i = text.indexOf(BEGIN_MARK); i >= 0; i = text.indexOf(BEGIN_MARK, i + 1)) {
            if (i < copied || !begin.region(i, Edits.window(text, i)).lookingAt()) {
                continue;
            }
            if (endAt < begin.end()) {
                int from = Math.max(begin.end(), endSearched);
                endAt = nextEnd(text, end, from);
                endSearched = endAt >= 0 ? endAt : text.length();
            }
            boolean cut = endAt < 0;
            if (cut
                    && !follows.region(begin.end(), Edits.window(text, begin.end()))
                            .lookingAt()) {
                continue;
            }
            out.append(text, copied, i)
                    .append("[REDACTED ")
                    .append(begin.group(1))
                    .append("PRIVATE KEY")
                    .append(begin.group(2) == null ? "" : begin.group(2))
                    .append(']');
            copied = cut
                    ? text.length()
                    : end.region(endAt, Edits.window(text, endAt)).lookingAt() ? end.end() : endAt;
            if (cut) {
                break;
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the next END line starts at or after {@code from}, or -1. */
    private static int nextEnd(String text, Matcher end, int from) {
        for (int j = text.indexOf(END_MARK, from); j >= 0; j = text.indexOf(END_MARK, j + 1)) {
            if (end.region(j, Edits.window(text, j)).lookingAt()) {
                return j;
            }
        }
        return -1;
    }
}
