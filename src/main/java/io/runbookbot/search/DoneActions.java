package io.runbookbot.search;

import java.util.Locale;
import java.util.Set;

/**
 * Fixing verbs a question says are done: "fixed stemedb, how do I confirm it's healthy again",
 * "we've restored the backup, what do I check now". The engineer reports what was done and asks
 * about what comes next, so the verb is not searched for; searched, it pulls the fix already made
 * ("Fix ownership") above the check that is asked for ("Validation").
 *
 * <p>Read as done: a past form of a fixing verb that opens the question or a clause (after
 * punctuation, "and", "then", "but") or follows a subject or an auxiliary ("I fixed", "we've
 * restored", "it's resolved", "was repaired", "finally solved"). After a noun it is kept ("DNS
 * resolved to the old IP", "the db recovered but ..."): there it is what happened, not what the
 * engineer did. The word lists are plain English grammar, not taken from any question set.
 */
final class DoneActions {
    private static final Set<String> DONE =
            Set.of("fixed", "resolved", "restored", "repaired", "recovered", "mitigated", "remediated", "solved");
    /** Subjects, auxiliaries and adverbs that put a past form in the speaker's own report. */
    private static final Set<String> BEFORE = Set.of(
            "i",
            "we",
            "you",
            "they",
            "someone",
            "somebody",
            "have",
            "has",
            "had",
            "ve",
            "was",
            "were",
            "is",
            "are",
            "been",
            "got",
            "just",
            "already",
            "finally",
            "and",
            "then",
            "but");

    private DoneActions() {}

    /** {@code question} with each done fixing verb blanked out; the same string when it has none. */
    static String strip(String question) {
        StringBuilder out = null;
        String previous = ""; // "" at the start of the question or of a clause
        int i = 0;
        while (i < question.length()) {
            char c = question.charAt(i);
            if (!Character.isLetter(c)) {
                if (c != ' ' && c != '\'' && c != '\u2019' && c != '\t') {
                    previous = ""; // punctuation opens a clause
                }
                i++;
                continue;
            }
            int start = i;
            while (i < question.length() && Character.isLetter(question.charAt(i))) {
                i++;
            }
            String word = question.substring(start, i).toLowerCase(Locale.ROOT);
            boolean afterApostrophe =
                    start > 0 && (question.charAt(start - 1) == '\'' || question.charAt(start - 1) == '\u2019');
            if (afterApostrophe && word.equals("s")) {
                word = "is"; // "it's fixed"
            }
            if (DONE.contains(word) && (previous.isEmpty() || BEFORE.contains(previous))) {
                if (out == null) {
                    out = new StringBuilder(question);
                }
                for (int k = start; k < i; k++) {
                    out.setCharAt(k, ' ');
                }
            }
            previous = word;
        }
        return out == null ? question : out.toString();
    }
}
