package io.runbookbot.core.chat;

import io.runbookbot.core.RunbookSection;
import java.util.List;
import java.util.Objects;

/**
 * A runbook section laid out for reading in chat, on a phone as much as at a desk: the text without
 * its heading line (the message's title shows the heading, whether the runbook marked it with
 * {@code #}, underlined it or only wrote it on a line of its own), hard-wrapped prose re-flowed
 * and tables aligned ({@link Reflow}), relative links made usable ({@link RelativeLinks}); and its
 * first screen, which chat shows first with a way to see the rest.
 *
 * <p>The first screen holds whole paragraphs up to about {@value #FIRST_SCREEN} characters. A code
 * block is never cut: one that starts within the first screen is shown whole when the screen stays
 * under {@value #MAX_FIRST_SCREEN} characters with it, and otherwise waits for the full section.
 * Only a first block longer than that on its own is split (at line boundaries, fences closed).
 *
 * @param full   the whole section, laid out
 * @param first  its first screen
 * @param more   whether the first screen leaves part of the section out
 */
public record ReadableSection(String full, String first, boolean more) {
    public static final int FIRST_SCREEN = 1500;
    public static final int MAX_FIRST_SCREEN = 2800;

    public ReadableSection {
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(first, "first");
    }

    public static ReadableSection of(RunbookSection section, SourceLinks links) {
        RelativeLinks relative = new RelativeLinks(section.file(), links.fileUrl(section.file()));
        String full = Reflow.of(body(section), relative::line);
        return firstScreen(full);
    }

    /** The same section with all of it on the first screen. */
    public ReadableSection whole() {
        return new ReadableSection(full, full, false);
    }

    static ReadableSection firstScreen(String full) {
        StringBuilder first = new StringBuilder();
        List<String> blocks = TextChunks.blocks(full);
        int taken = 0;
        for (String block : blocks) {
            int size = first.length() + (first.length() > 0 ? 2 : 0) + block.length();
            boolean fits = size <= FIRST_SCREEN || (isCode(block) && size <= MAX_FIRST_SCREEN);
            if (first.length() == 0 && !fits) {
                first.append(TextChunks.split(block, FIRST_SCREEN).get(0));
                return new ReadableSection(full, first.toString(), true);
            }
            if (!fits || first.length() >= FIRST_SCREEN) {
                break;
            }
            first.append(first.length() > 0 ? "\n\n" : "").append(block);
            taken++;
        }
        return new ReadableSection(full, first.toString(), taken < blocks.size());
    }

    private static boolean isCode(String block) {
        String t = block.stripLeading();
        return t.startsWith("```") || t.startsWith("~~~");
    }

    /** The section's text without its heading line (and a setext underline below it). */
    static String body(RunbookSection section) {
        String text = section.text().strip();
        if (section.level() == 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        String first = lines[0].strip();
        boolean heading = first.startsWith("#") || sameWords(first, section.heading());
        if (!heading) {
            return text;
        }
        int skip = lines.length > 1 && isUnderline(lines[1]) ? 2 : 1;
        return String.join("\n", List.of(lines).subList(Math.min(skip, lines.length), lines.length))
                .strip();
    }

    private static boolean isUnderline(String line) {
        String t = line.strip();
        return t.length() >= 2
                && (t.chars().allMatch(c -> c == '=') || t.chars().allMatch(c -> c == '-'));
    }

    /** The same letters and digits in the same order ("**Solution 4: CORS**" and "Solution 4: CORS"). */
    static boolean sameWords(String line, String heading) {
        String a = letters(line);
        return !a.isEmpty() && a.equals(letters(heading));
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}
