package io.runbookbot.search.markdown;

import java.util.List;

/** Markdown parsed as the runbook {@code ops/disk-full.md}, whose title falls back to "disk full". */
final class ParsedRunbook {
    private ParsedRunbook() {}

    static Runbook parse(String markdown) {
        return new RunbookParser().parse("ops/disk-full.md", markdown);
    }

    /** The texts of the headings {@code markdown} gives, preamble included. */
    static List<String> texts(String markdown) {
        return parse(markdown).headings().stream().map(RunbookHeading::text).toList();
    }
}
