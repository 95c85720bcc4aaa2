package io.runbookbot.diagnostics;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.AnswerUnits;
import io.runbookbot.search.markdown.RunbookLoader;
import io.runbookbot.search.markdown.RunbookParser;
import java.nio.file.Path;
import java.util.List;

/** The answer units of the fixture runbooks ({@link TestRunbooks}) and of the shipped ones, as the bot shows them. */
final class BundledSections {
    /** The fixture corpus: tests that pin headings and line numbers use these. */
    static final List<RunbookSection> ALL = units(TestRunbooks.DIR);
    /** What ships in runbooks/: only for tests that check the shipped files on purpose. */
    static final List<RunbookSection> SHIPPED = units(TestRunbooks.SHIPPED);

    private BundledSections() {}

    private static List<RunbookSection> units(Path dir) {
        return new RunbookLoader(new RunbookParser())
                .load(dir).runbooks().stream()
                        .flatMap(r -> AnswerUnits.of(r).stream())
                        .toList();
    }

    static RunbookSection section(String file, String heading) {
        return ALL.stream()
                .filter(s -> s.file().equals(file) && s.heading().equals(heading))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + file));
    }

    static RunbookSection sectionAt(String file, int line) {
        return ALL.stream()
                .filter(s -> s.file().equals(file) && s.line() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section at " + file + ":" + line));
    }
}
