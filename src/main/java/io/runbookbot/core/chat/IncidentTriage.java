package io.runbookbot.core.chat;

import io.runbookbot.core.Answer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether the bot speaks, unasked, in an incident channel: only when a message reads like
 * a symptom or an error AND the runbook match is confident. Chatter ("who's on call?", "lunch?",
 * "+1", "rolling back now") gets silence.
 */
public final class IncidentTriage {
    /** The confidence an unasked answer needs; asked questions only need the bot's usual bar. */
    public static final double MIN_CONFIDENCE = 0.5;
    private static final int MIN_WORDS = 4;
    /** Words of trouble, any case. */
    private static final Pattern TROUBLE = Pattern.compile(
            "(?i)\\b(error|errno|exception|fatal|panic|traceback|refused|denied|timed? ?out|timeout|unreachable"
                    + "|fail\\w*|crash\\w*|lost|never|not|\\w+n't|no|invalid|wrong|bug|pending|read-only|out of|low|high"
                    + "|waiting|unsupported|mismatch|piled|pinned|hammering|skyrocket\\w*|oom\\w*|killed|stuck|hang\\w*|down|unavailable|full"
                    + "|exhausted|leak\\w*|spik\\w*|slow|latency|lag\\w*|degraded|firing|alert\\w*|can'?t|cannot|won'?t"
                    + "|not (start|work|respond|reach|connect)\\w*|no space|too many|5\\d\\d|4\\d\\d)\\b");
    /**
     * Shapes of machine text, case-sensitive: alert names, error codes, ports, exception names.
     * Linear: possessive quantifiers where giving characters back cannot help, and every
     * alternative anchored at a word start, so no start position rescans a long word.
     */
    private static final Pattern MACHINE = Pattern.compile(
            "\\b[A-Z][a-z]++(?:[A-Z][a-z0-9]++){2,}+\\b|\\b[A-Z][A-Z_]{3,}+\\b|:\\s*+\\d{2,5}+\\b|\\b\\w+?Exception\\b");
    /** Only the start of a message is looked at: a symptom says what is wrong in its first lines. */
    static final int MAX_CHARS = 4_000;

    private IncidentTriage() {
    }

    /** Whether the message looks like a report of something broken (before any search). */
    public static boolean readsLikeSymptom(String message) {
        String text = head(message).strip();
        long words = List.of(text.split("\\s+")).stream().filter(w -> w.chars().anyMatch(Character::isLetter)).count();
        return words >= MIN_WORDS && namesTrouble(text) && !isQuestionToPeople(text);
    }

    /** Words of trouble or shapes of machine text anywhere in {@code text}; linear in its length. */
    static boolean namesTrouble(String text) {
        return TROUBLE.matcher(text).find() || MACHINE.matcher(text).find();
    }

    /** The first {@link #MAX_CHARS} characters, never splitting a surrogate pair. */
    static String head(String message) {
        if (message.length() <= MAX_CHARS) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return message.substring(0, end);
    }

    /** Whether to answer, unasked: the message reads like a symptom and the match is confident. */
    public static boolean shouldAnswer(String message, Answer answer) {
        return readsLikeSymptom(message) && answer.answered() && answer.confidence() >= MIN_CONFIDENCE;
    }

    /** "who ...", "can someone ...", "anyone ...": addressed to colleagues, not to the runbooks. */
    private static boolean isQuestionToPeople(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("who ") || t.startsWith("who's") || t.startsWith("can someone") || t.startsWith("can we")
                || t.startsWith("anyone") || t.startsWith("any news") || t.startsWith("should we");
    }
}
