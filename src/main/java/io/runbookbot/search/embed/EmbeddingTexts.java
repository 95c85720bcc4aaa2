package io.runbookbot.search.embed;

import io.runbookbot.core.RunbookSection;
import java.util.ArrayList;
import java.util.List;

/**
 * What gets embedded: for a section, its title, heading path and the start of its text; for a
 * question, the question. Sections are cut short: the heading path and the opening lines say what
 * a section is about, small embedding models read only the first few hundred tokens anyway, and a
 * cut of 300 characters measured better than 700 or 1,500 with all-MiniLM-L6-v2 (and embeds in
 * half the time). Models trained with task prefixes (nomic-embed-text's
 * {@code search_document:} / {@code search_query:}) get them.
 *
 * <p>A longer section is also embedded as further windows ({@link #sectionWindows}): the heading
 * path again with the next stretch of its text, up to {@link #MAX_WINDOWS} windows in all, and a
 * section is as near to a question as its nearest window. The one 300-character cut loses what a
 * section says after its opening; on the corpus dev questions, all-MiniLM-L6-v2 alone put the
 * expected section first for 0.358 of them with one cut and 0.475 with up to three windows (within
 * the expected runbook 0.517 and 0.592), for 2.1 times the embedding work (two windows: 0.425;
 * averaging the windows' similarities instead of taking the best: 0.392).
 */
public final class EmbeddingTexts {
    static final int MAX_SECTION_CHARS = 300;
    /** Windows per section at most, the first being {@link #section}. */
    public static final int MAX_WINDOWS = 3;
    /** The least new text a further window moves on by, however long the heading path. */
    private static final int MIN_STEP = 100;

    private EmbeddingTexts() {}

    public static String section(String model, RunbookSection s) {
        return documentPrefix(model) + cut(heading(s) + "\n" + body(s));
    }

    /**
     * The texts a section is embedded as: {@link #section} first, then, while its text goes on,
     * its heading path with the next stretch of text, each cut like the first; at most
     * {@link #MAX_WINDOWS}.
     */
    public static List<String> sectionWindows(String model, RunbookSection s) {
        List<String> out = new ArrayList<>(List.of(section(model, s)));
        String heading = heading(s);
        String body = body(s);
        int step = Math.max(MIN_STEP, MAX_SECTION_CHARS - heading.length() - 1);
        for (int from = step; out.size() < MAX_WINDOWS && from < body.length(); from += step) {
            out.add(documentPrefix(model) + cut(heading + "\n" + body.substring(from)));
        }
        return out;
    }

    /** The heading path, led by the runbook's title when the path does not start with it. */
    private static String heading(RunbookSection s) {
        String path = String.join(" > ", s.path());
        return !s.path().isEmpty() && !s.path().get(0).equals(s.title()) ? s.title() + " > " + path : path;
    }

    /** The section's text without its heading line. */
    private static String body(RunbookSection s) {
        String text = s.text();
        int newline = text.indexOf('\n');
        return newline < 0 ? "" : text.substring(newline + 1).strip();
    }

    private static String cut(String text) {
        return text.length() > MAX_SECTION_CHARS ? text.substring(0, MAX_SECTION_CHARS) : text;
    }

    public static String question(String model, String question) {
        return queryPrefix(model) + question.strip();
    }

    private static String documentPrefix(String model) {
        return isNomic(model) ? "search_document: " : "";
    }

    private static String queryPrefix(String model) {
        return isNomic(model) ? "search_query: " : "";
    }

    private static boolean isNomic(String model) {
        return model.startsWith("nomic-embed-text");
    }
}
