package io.runbookbot.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Replacements found by scanning one text, applied in one pass. Where two overlap, the one that
 * starts first wins (the longer one at the same start): a masked {@code GITHUB_TOKEN=} value is
 * not masked again as a {@code ghp_} token inside it.
 */
final class Edits {
    private record Edit(int start, int end, String text) {
    }

    private static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::start)
            .thenComparing(Comparator.comparingInt(Edit::end).reversed());

    private final List<Edit> edits = new ArrayList<>();

    /** Replaces {@code [start, end)} by {@code text}; a replacement equal to the original is not kept. */
    void replace(String original, int start, int end, String text) {
        if (!original.substring(start, end).equals(text)) {
            edits.add(new Edit(start, end, text));
        }
    }

    String applyTo(String original) {
        if (edits.isEmpty()) {
            return original;
        }
        edits.sort(ORDER);
        StringBuilder out = new StringBuilder(original.length());
        int pos = 0;
        for (Edit e : edits) {
            if (e.start() >= pos) {
                out.append(original, pos, e.start()).append(e.text());
                pos = e.end();
            }
        }
        return out.append(original, pos, original.length()).toString();
    }

    /** Calls {@code at} with every index of {@code needle} in {@code text} (String.indexOf is fast). */
    static void each(String text, String needle, IntConsumer at) {
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            at.accept(i);
        }
    }

    /** True when {@code i} starts a word: the character before it is not a letter, digit or '_'. */
    static boolean wordStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        return !(c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
    }
}
