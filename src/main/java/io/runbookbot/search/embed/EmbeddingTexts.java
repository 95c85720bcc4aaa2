package io.runbookbot.search.embed;

import io.runbookbot.core.RunbookSection;

/**
 * What gets embedded: for a section, its title, heading path and the start of its text; for a
 * question, the question. Sections are cut short: the heading path and the opening lines say what
 * a section is about, small embedding models read only the first few hundred tokens anyway, and a
 * cut of 300 characters measured better than 700 or 1,500 with all-MiniLM-L6-v2 (and embeds in
 * half the time). Models trained with task prefixes (nomic-embed-text's
 * {@code search_document:} / {@code search_query:}) get them.
 */
public final class EmbeddingTexts {
    static final int MAX_SECTION_CHARS = 300;

    private EmbeddingTexts() {}

    public static String section(String model, RunbookSection s) {
        String body = s.text();
        int newline = body.indexOf('\n');
        body = newline < 0 ? "" : body.substring(newline + 1).strip();
        String text = String.join(" > ", s.path()) + "\n" + body;
        if (!s.path().isEmpty() && !s.path().get(0).equals(s.title())) {
            text = s.title() + " > " + text;
        }
        return documentPrefix(model)
                + (text.length() > MAX_SECTION_CHARS ? text.substring(0, MAX_SECTION_CHARS) : text);
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
