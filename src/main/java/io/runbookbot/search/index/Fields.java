package io.runbookbot.search.index;

/** The Lucene field names, in one place. Nothing else spells a field name. */
public final class Fields {
    /** Position of the section (or runbook) in the index's in-memory list; doc values only. */
    public static final String ORDINAL = "ordinal";
    /** Runbook path relative to the runbooks folder; exact-match string. */
    public static final String FILE = "file";
    /** Runbook title and the words of its file path. */
    public static final String TITLE = "title";
    /** Headings enclosing the section, outermost first. */
    public static final String PATH = "path";
    /** The section's own heading. */
    public static final String HEADING = "heading";
    /** The section's text (for runbook documents: the whole runbook). */
    public static final String BODY = "body";
    /** The section's embedding (unit length, cosine), when the index was built with an embedding model. */
    public static final String VECTOR = "vector";

    private Fields() {}
}
