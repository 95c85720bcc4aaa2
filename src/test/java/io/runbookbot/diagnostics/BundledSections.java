package io.runbookbot.diagnostics;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.AnswerUnits;
import io.runbookbot.search.markdown.RunbookLoader;
import io.runbookbot.search.markdown.RunbookParser;
import java.nio.file.Path;
import java.util.List;

/** The answer units of the runbooks bundled in runbooks/, as the bot shows them. */
final class BundledSections {
    static final List<RunbookSection> ALL = new RunbookLoader(new RunbookParser()).load(Path.of("runbooks"))
            .runbooks().stream().flatMap(r -> AnswerUnits.of(r).stream()).toList();

    private BundledSections() {
    }

    static RunbookSection section(String file, String heading) {
        return ALL.stream().filter(s -> s.file().equals(file) && s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + file));
    }

    static RunbookSection sectionAt(String file, int line) {
        return ALL.stream().filter(s -> s.file().equals(file) && s.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no section at " + file + ":" + line));
    }
}
