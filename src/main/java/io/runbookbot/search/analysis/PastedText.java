package io.runbookbot.search.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to search for when a question is a pasted block (log lines, a stack trace, a traceback,
 * command output, fenced or not): its most telling lines. Each line is read by {@link LogLine};
 * stack frames, "... 23 more", Python's frame and code lines, fences and shell prompts are
 * dropped; the lines of the highest severity present are kept (error and fatal lines, exception
 * lines with their messages, "Caused by:" lines), or, in a block without levels, the lines that name
 * trouble (error, failed, refused, exit status ...). Timestamps, levels, UUIDs, pod hashes, IPs,
 * durations and repeated lines do not reach the search. A question of one line is returned as is.
 *
 * <p>Bounded: only the first {@value #MAX_CHARS} characters and {@value #MAX_LINES} lines are
 * read, each line cut at {@value LogLine#MAX_LINE_CHARS} characters, and every pattern is linear.
 */
public final class PastedText {
    static final int MAX_CHARS = 20_000;
    static final int MAX_LINES = 400;
    /**
     * Words that name trouble, in any English an engineer would write: what marks the telling
     * line of a block whose lines carry no level (journalctl, plain output).
     */
    private static final Pattern TROUBLE = Pattern.compile("(?i)\\b(?:errors?|err|errno|fail\\w{0,4}|fatal"
            + "|refused|denied|unable|cannot|can't|could ?n[o']t|won't|invalid|timed? ?out|timeout|unreachable"
            + "|not found|no such|killed|panic\\w{0,2}|crash\\w{0,4}|abort\\w{0,3}|exit(?:ed)?|oom\\w{0,6}|out of|full"
            + "|exceeded|too many|unsupported|corrupt\\w{0,3}|bad|wrong|unavailable|rejected|expire[sd]?|low|missing"
            + "|broken|lost|unhealthy|down|unauthori[sz]ed|forbidden)\\b"
            + "|[a-z](?:Error|Exception|Fault)\\b");

    /**
     * A line saying a process ended badly. systemd's status has a name after it ("status=1/FAILURE",
     * "status=9/KILL"), which an HTTP status in a logfmt line ("status=200") has not.
     */
    private static final Pattern EXIT =
            Pattern.compile("(?i)\\b(?:exited|exit (?:code|status)|status=[1-9]\\d{0,2}/[a-z]++"
                    + "|terminated|killed|core dumped|back-off restarting)\\b");

    private PastedText() {}

    /**
     * How a block is distilled; {@link #DEFAULT} is what the bot uses (chosen by cross-validation
     * over the pasted dev sets, see docs/eval.md).
     *
     * @param typeBelowWords an exception line's type is searched only when its message has fewer
     *                       words than this (a long message says more than a generic type)
     * @param maxKept        at most this many telling lines, the first ones, are searched
     */
    public record Settings(int typeBelowWords, int maxKept) {
        public static final Settings DEFAULT = new Settings(1, 2);
    }

    /** The text to search for: {@code question} itself unless it spans several lines. */
    public static String distil(String question) {
        return distil(question, Settings.DEFAULT);
    }

    public static String distil(String question, Settings settings) {
        String text = question.length() > MAX_CHARS ? question.substring(0, MAX_CHARS) : question;
        if (text.strip().indexOf('\n') < 0) {
            return question;
        }
        List<LogLine> lines = read(text);
        LogLine.Severity top =
                lines.stream().map(LogLine::severity).max(Enum::compareTo).orElse(LogLine.Severity.FRAME);
        Set<String> kept = new LinkedHashSet<>();
        if (top == LogLine.Severity.PLAIN) {
            lastWords(lines).ifPresent(l -> keep(kept, l, settings));
        }
        for (LogLine l : lines) {
            if (l.severity() == top
                    && (top != LogLine.Severity.PLAIN
                            || TROUBLE.matcher(l.text()).find())) {
                keep(kept, l, settings);
            }
        }
        if (kept.isEmpty()) {
            lines.stream().filter(l -> l.severity() != LogLine.Severity.FRAME).forEach(l -> keep(kept, l, settings));
        }
        return String.join(" ", kept);
    }

    /**
     * In a block without levels (journalctl, container output), what a process printed last before
     * a line saying it exited or was killed: the usual cause of a crash.
     */
    private static Optional<LogLine> lastWords(List<LogLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (EXIT.matcher(lines.get(i).text()).find()) {
                for (int j = i - 1; j >= 0; j--) {
                    LogLine before = lines.get(j);
                    if (before.severity() != LogLine.Severity.FRAME
                            && !before.text().isBlank()) {
                        return Optional.of(before);
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void keep(Set<String> kept, LogLine line, Settings settings) {
        String text = line.type().isEmpty() || words(line.text()) >= settings.typeBelowWords()
                ? line.text()
                : (line.type() + ": " + line.text()).strip();
        if (text.isBlank() || kept.stream().anyMatch(text::contains)) {
            return; // nothing new: a wrapper repeating a message already kept adds only its own generic words
        }
        kept.removeIf(k -> k.contains(text)); // the message a kept wrapper repeats says it better
        if (kept.size() < settings.maxKept()) {
            kept.add(text);
        }
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetter(text.charAt(i));
            words += letter && !inWord ? 1 : 0;
            inWord = letter || inWord && !Character.isWhitespace(text.charAt(i));
        }
        return words;
    }

    /** Every line read, with Python's source line after a {@code File "...", line N} frame marked a frame. */
    private static List<LogLine> read(String text) {
        List<LogLine> out = new ArrayList<>();
        boolean afterPythonFrame = false;
        for (String raw : text.split("\n", MAX_LINES + 1)) {
            if (out.size() == MAX_LINES) {
                break;
            }
            boolean indented = raw.startsWith("    ") || raw.startsWith("\t");
            LogLine line = afterPythonFrame && indented ? LogLine.FRAME : LogLine.parse(raw);
            afterPythonFrame = raw.stripLeading().startsWith("File \"");
            out.add(line);
        }
        return out;
    }
}
