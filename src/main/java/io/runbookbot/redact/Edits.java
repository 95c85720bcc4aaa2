package io.runbookbot.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacements found by scanning one text, applied in one pass. Where two overlap, the one that
 * starts first wins (the longer one at the same start): a masked {@code GITHUB_TOKEN=} value is
 * not masked again as a {@code ghp_} token inside it.
 *
 * <p>Also the scanning rules that keep redaction linear in the length of the text: candidates are
 * found with {@code indexOf}, a pattern runs at a candidate only inside a {@linkplain #WINDOW
 * window} after it, and a rule skips the candidates inside its previous match. So no candidate
 * rescans the rest of the text, however many the text holds.
 */
final class Edits {
    /** The most characters a pattern may look at after its candidate (a secret is far shorter). */
    static final int WINDOW = 4096;

    private record Edit(int start, int end, String text) {}

    private static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::start)
            .thenComparing(Comparator.comparingInt(Edit::end).reversed());

    private final List<Edit> edits = new ArrayList<>();

    /** Replaces {@code [start, end)} by {@code text}; a replacement equal to the original is not kept. */
    void replace(String original, int start, int end, String text) {
        if (end - start != text.length() || !original.regionMatches(start, text, 0, text.length())) {
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

    /**
     * Matches {@code pattern} at each index of {@code needle} in {@code searchIn} (the text or its
     * lower case) that {@code candidate} accepts, within a window; an index inside the previous
     * match is skipped. {@code found} gets each match and returns where the text it used ends.
     */
    static void matches(
            String text,
            String searchIn,
            String needle,
            Pattern pattern,
            IntPredicate candidate,
            ToIntFunction<Matcher> found) {
        Matcher m = pattern.matcher(text);
        int covered = 0;
        for (int i = searchIn.indexOf(needle); i >= 0; i = searchIn.indexOf(needle, Math.max(i + 1, covered))) {
            if (candidate.test(i) && m.region(i, window(text, i)).lookingAt()) {
                covered = Math.max(covered, found.applyAsInt(m));
            }
        }
    }

    /** The end of the window a pattern may look at from {@code pos}. */
    static int window(String text, int pos) {
        return (int) Math.min(text.length(), (long) pos + WINDOW);
    }

    /**
     * The end of a value that ends at {@code end}: when the window cut it ({@code end} is the
     * window's end, the text goes on), up to the next blank or quote, so no tail of a long secret
     * stays visible.
     */
    static int valueEnd(String text, int end, int windowEnd) {
        int e = end;
        if (e == windowEnd && e < text.length()) {
            while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && "'\"`".indexOf(text.charAt(e)) < 0) {
                e++;
            }
        }
        return e;
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
