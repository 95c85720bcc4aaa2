package io.runbookbot.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a question asks for, read from general English cue words and question shapes: what an
 * alert or error means, what it will break, how to check or diagnose, how to fix, which command or
 * query to run, or whom to escalate to. Most symptom reports and pasted error lines ask for none
 * of these in words; they get {@link #NONE} and are ranked as before.
 *
 * <p>The cue lists are plain English an on-call engineer would use for each kind of question;
 * none is taken from a particular runbook or question set. Only the first {@link #MAX_CHARS}
 * characters are read (a pasted log states its question in its first lines, if anywhere), split
 * into words in one linear pass.
 */
enum QuestionIntent {
    /** What it means, why it fires, whether it is expected. */
    MEANING,
    /** What it affects or breaks, how serious or urgent it is. */
    IMPACT,
    /** How to check, confirm, diagnose or investigate. */
    DIAGNOSIS,
    /** How to fix, mitigate, resolve, recover, or otherwise do something about it. */
    MITIGATION,
    /** Which command or query to run. */
    COMMAND,
    /** Whom to contact, when and how to escalate, what to gather first. */
    ESCALATION,
    /** No clear intent in words (most symptoms and error lines). */
    NONE;

    static final int MAX_CHARS = 600;

    private static final List<Cue> CUES = cues();

    private static List<Cue> cues() {
        List<Cue> c = new ArrayList<>();
        // meaning
        words(c, MEANING, "meaning", "explain*", "worry", "worried");
        phrases(c, MEANING, "does * mean", "what * mean", "what * means", "it means", "mean $");
        phrases(
                c,
                MEANING,
                "safe to ignore",
                "ignore * alert",
                "can * ignore",
                "is * expected",
                "expected $",
                "is * normal",
                "normal $",
                "false alarm",
                "false positive",
                "why * firing",
                "why * fire",
                "why * alert*",
                "what is * alert",
                "what * alert * about",
                "what is this");
        // impact, asked about: "customer impact: checkout down" or "URGENT: ..." label a report
        words(c, IMPACT, "consequence*");
        phrases(
                c,
                IMPACT,
                "what * impact",
                "impact $",
                "any impact",
                "impact of",
                "what severity",
                "which severity",
                "severity of",
                "is * urgent",
                "urgency of",
                "what * happen*",
                "will * break",
                "what * break",
                "does * break",
                "break anything",
                "what * affect*",
                "does * affect*",
                "will * affect*",
                "is * affected",
                "how bad",
                "how serious",
                "how urgent",
                "how critical");
        // checking and diagnosis
        words(c, DIAGNOSIS, "verify", "confirm", "diagnose", "diagnosis", "troubleshoot*", "investigat*", "inspect");
        verbs(c, DIAGNOSIS, "check", "debug", "tell", "see", "find", "look", "know", "determine", "identify");
        phrases(c, DIAGNOSIS, "find out", "figure out", "root cause", "where * look", "what * look for");
        // fixing
        words(c, MITIGATION, "mitigat*", "remediat*", "workaround");
        verbs(c, MITIGATION, "fix", "resolve", "solve", "recover", "restore", "repair", "stop", "clear", "unblock");
        phrases(
                c,
                MITIGATION,
                "work around",
                "get rid",
                "what can * do",
                "what should * do",
                "what do * do",
                "what to do");
        // commands and queries
        words(c, COMMAND, "command", "commands", "cli", "syntax", "promql", "oneliner");
        phrases(c, COMMAND, "what * run", "which query", "what query", "the query", "a query", "one liner");
        // escalation and checklists
        words(c, ESCALATION, "escalate", "escalation", "escalating", "contact", "oncall", "checklist");
        phrases(
                c,
                ESCALATION,
                "who should",
                "who do",
                "who to",
                "who owns",
                "who can",
                "on call",
                "open an issue",
                "opening an issue",
                "open a ticket",
                "file a ticket",
                "support case",
                "page someone");
        return List.copyOf(c);
    }

    private static void words(List<Cue> out, QuestionIntent intent, String... words) {
        for (String w : words) {
            out.add(new Cue(intent, List.of(w)));
        }
    }

    private static void phrases(List<Cue> out, QuestionIntent intent, String... phrases) {
        for (String p : phrases) {
            out.add(new Cue(intent, List.of(p.split(" "))));
        }
    }

    /** A verb asked about: "how do I fix", "how to fix", "can we fix", "I need to fix", "fix it" first. */
    private static void verbs(List<Cue> out, QuestionIntent intent, String... verbs) {
        for (String v : verbs) {
            phrases(
                    out,
                    intent,
                    "how * " + v,
                    "^ " + v,
                    "can * " + v,
                    "should * " + v,
                    "need to " + v,
                    "want to " + v,
                    "way to " + v,
                    "best to " + v);
        }
    }

    /** The intents of {@code question}: empty set of real intents means {@link #NONE}. */
    static Set<QuestionIntent> of(String question) {
        List<String> words = words(question);
        EnumSet<QuestionIntent> found = EnumSet.noneOf(QuestionIntent.class);
        for (Cue c : CUES) {
            if (c.in(words)) {
                found.add(c.intent());
            }
        }
        if (found.isEmpty()) {
            found.add(NONE);
        }
        return found;
    }

    /** Lower-case words of the first {@link #MAX_CHARS} characters; "what's" gives "what", "is". */
    static List<String> words(String question) {
        String text = question.length() > MAX_CHARS ? question.substring(0, MAX_CHARS) : question;
        List<String> words = new ArrayList<>();
        if (!startsWithWord(text.strip())) {
            words.add(""); // a log line (timestamp, "ERROR ...") has no imperative first word for "^" to match
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
            if (Character.isLetter(c)) {
                word.append(c);
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                String rest =
                        text.substring(i + 1, Math.min(text.length(), i + 3)).toLowerCase(Locale.ROOT);
                if (rest.startsWith("s") && (rest.length() == 1 || !Character.isLetter(rest.charAt(1)))) {
                    words.add("is");
                    i++;
                }
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /** Starts with a word that is not all capitals ("Check ...", "how ...", not "ERROR" or "2026-"). */
    private static boolean startsWithWord(String text) {
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String first = text.substring(0, end);
        return end > 0 && (end == 1 || !first.equals(first.toUpperCase(Locale.ROOT)));
    }

    /**
     * A cue: consecutive words ("*" alone matches any one to three words; a trailing "*" makes a
     * word a prefix; "^" and "$" match the start and end of the question).
     */
    private record Cue(QuestionIntent intent, List<String> pattern) {
        /** Whom a plea to the channel asks ("can someone look", "could anyone check"). */
        private static final Set<String> PLEA_SUBJECTS = Set.of("someone", "somebody", "anyone", "anybody");

        boolean in(List<String> words) {
            for (int start = 0; start < words.size(); start++) {
                if (matches(words, start, 0)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(List<String> words, int at, int p) {
            if (p == pattern.size()) {
                return true;
            }
            String want = pattern.get(p);
            if (want.equals("^")) {
                return at == 0 && matches(words, at, p + 1);
            }
            if (want.equals("$")) {
                return at == words.size() && matches(words, at, p + 1);
            }
            if (want.equals("*")) {
                for (int skip = 1; skip <= 3 && at + skip <= words.size(); skip++) {
                    if (PLEA_SUBJECTS.contains(words.get(at + skip - 1))) {
                        return false; // "can someone look": a plea to the channel, not how to check
                    }
                    if (matches(words, at + skip, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (at >= words.size() || !word(want, words.get(at))) {
                return false;
            }
            return matches(words, at + 1, p + 1);
        }

        private static boolean word(String want, String got) {
            return want.endsWith("*") ? got.startsWith(want.substring(0, want.length() - 1)) : got.equals(want);
        }
    }
}
