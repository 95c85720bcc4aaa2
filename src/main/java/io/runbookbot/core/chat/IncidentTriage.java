package io.runbookbot.core.chat;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Confidence;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether the bot speaks, unasked, in an incident channel: only when a message reads like
 * a symptom or an error AND the runbook match is at least of {@link Confidence#MEDIUM} confidence
 * (calibrated: usually right). Chatter ("who's on call?", "lunch?", "+1", "rolling back now",
 * "standup moved to 10:30") gets silence.
 *
 * <p>A symptom names trouble: a word of breakage in any of its forms ("fail", "failed",
 * "failing", "failures"; "timeout", "timeouts", "timed out"; a metric that climbs, lags or
 * exceeds; a process that died), or machine text (an alert name in CamelCase, an upper-case error
 * code, an exception type, {@code host:port}, an HTTP 4xx/5xx status, "502s"). The vocabulary is
 * the general one of things going wrong, listed as word stems; it was not fitted to any message.
 * Clock times ("10:30", "22:00") are not ports, nor is a ticket number ("inc-442"). A message
 * that says the trouble is over or beside the point, or that is a note for the post-incident
 * review, is chatter even when it names trouble.
 */
public final class IncidentTriage {
    /** "redis OOM again" is a report; "on it" and "done" are not. */
    private static final int MIN_WORDS = 3;
    /**
     * Words of trouble, any case: stems matched at a word start with any ending ("fail" finds
     * "failed", "failing", "failures"), then short words and phrases matched whole (with a plural
     * or past ending), since as stems they would find "node", "note" and "download". Linear: the
     * alternatives are literal and the endings possessive.
     */
    private static final Pattern TROUBLE = Pattern.compile("(?i)\\b(?:(?:"
            + "error|errno|exception|fatal|panic|traceback|segfault|abort|refus|deni|deny|forbid|unauthori"
            + "|timeout|unreachab|unavailab|unhealth|fail|crash|freez|frozen|exhaust|leak|spik|slow|latenc"
            + "|lagg|degrad|oom|kill|dropp|reject|evict|throttl|restart|flap|corrupt|overload|saturat|backlog"
            + "|stall|starv|expir|stuck|hung|hang|pending|mismatch|invalid|unsupported|missing|disappear|vanish"
            + "|unresponsive|unstable|outage|firing|alert|reboot|climb|exceed|sluggish"
            + ")\\w*+|(?:"
            + "no|not|never|none|nothing|unable|lost|down|full|high|low|gone|empty|blank|wrong|bug|bugs|broken|broke"
            + "|lag|lags|dead|died|dies|dying|times out"
            + "|breaks|breaking|drop|drops|waiting|can'?t|cannot|won'?t|doesn'?t|isn'?t|aren'?t|didn'?t"
            + "|couldn'?t|wasn'?t|timed out|time out|out of|too many|too much|no space|not ready|read-only"
            + ")\\b)");
    /**
     * Shapes of machine text, case-sensitive: alert names, error codes, exception names, host:port,
     * "port 8000". Linear: possessive quantifiers where giving characters back cannot help, and
     * every alternative anchored at a word start, so no start position rescans a long word. A port
     * follows a letter or a bracket and a colon ("localhost:8000", "[::1]:5432"), so "10:30" is not
     * one.
     */
    private static final Pattern MACHINE =
            Pattern.compile("\\b[A-Z][a-z]++(?:[A-Z][a-z0-9]++){2,}+\\b|\\b[A-Z][A-Z_]{2,}+\\b|[A-Za-z\\]]:\\d{2,5}+\\b"
                    + "|(?i:\\bport\\s++\\d{2,5}+\\b)|\\b\\w+?Exception\\b|(?<![\\w-])[45]\\d\\ds?(?![\\w-])");
    /**
     * A message saying trouble is over, fine or beside the point ("error rate back to normal",
     * "latency looks fine", "lag alert auto-resolved", "the OOM kills were the load test,
     * unrelated"), unless negated just before ("not back to normal"). It does not count when the
     * message also draws a contrast ({@link #CONTRAST}: "the others are fine", "healthy with curl
     * but the browser ..."): then something is still wrong. Linear: literal alternatives.
     */
    private static final Pattern ALL_CLEAR = Pattern.compile("(?i)(?<!not |n't |never |no longer )\\b(?:"
            + "back to (?:normal|baseline)|(?:looks?|looking|seems?|is|are|all) (?:fine|good|ok|okay|normal|healthy|green|stable)"
            + "|(?:auto-?)?resolved|recovered|mitigated|caught up|went away|(?:is|are) gone"
            + "|unrelated|not related|false (?:alarm|positive)|red herring|(?:was|were|just) noise"
            + ")\\b");

    /** Words that leave something wrong beside what is fine. */
    private static final Pattern CONTRAST =
            Pattern.compile("(?i)\\b(?:but|except|although|though|however|yet|others?)\\b");
    /** A note for the post-incident review, by its label: "action item: ...", "root cause: ...". */
    private static final Pattern REVIEW_NOTE =
            Pattern.compile("(?i)^\\s*+(?:action items?|contributing factors?|root cause"
                    + "|follow[- ]?ups?|timeline|post-?mortem|lessons? learned|retro)\\s*+[:-]");
    /** Only the start of a message is looked at: a symptom says what is wrong in its first lines. */
    static final int MAX_CHARS = 4_000;

    private IncidentTriage() {}

    /** Whether the message looks like a report of something broken (before any search). */
    public static boolean readsLikeSymptom(String message) {
        String text = head(message).strip();
        return words(text) >= MIN_WORDS
                && namesTrouble(text)
                && !isQuestionToPeople(text)
                && !saysAllClear(text)
                && !REVIEW_NOTE.matcher(text).find();
    }

    /** Trouble over or beside the point ("back to normal", "unrelated"), with no "but" leaving some. */
    private static boolean saysAllClear(String text) {
        return ALL_CLEAR.matcher(text).find() && !CONTRAST.matcher(text).find();
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

    /** Whether to answer, unasked: the message reads like a symptom and the match is not a guess. */
    public static boolean shouldAnswer(String message, Answer answer) {
        return readsLikeSymptom(message) && answer.answered() && answer.confidence() != Confidence.LOW;
    }

    /** Runs of non-space characters that contain a letter; one pass, no regex. */
    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        boolean letter = false;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space) {
                words += inWord && letter ? 1 : 0;
                inWord = false;
                letter = false;
            } else {
                inWord = true;
                letter |= Character.isLetter(text.charAt(i));
            }
        }
        return words;
    }

    /** "who ...", "can someone ...", "anyone ...": addressed to colleagues, not to the runbooks. */
    private static boolean isQuestionToPeople(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("who ")
                || t.startsWith("who's")
                || t.startsWith("can someone")
                || t.startsWith("can we")
                || t.startsWith("anyone")
                || t.startsWith("any news")
                || t.startsWith("should we");
    }
}
