package io.runbookbot.security;

import io.runbookbot.search.markdown.RunbookParser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the parse time of pathological Markdown files (each about 200 KB). No assertions (the
 * attack tests assert bounds); run with
 * {@code mvn -o test -Dtest=MarkdownBenchmarkTest -Drunbookbot.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class MarkdownBenchmarkTest {
    static final int SIZE = Integer.getInteger("runbookbot.markdownSize", 200_000);

    static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nested brackets [[[ ... ]]]", "# T\n\n" + "[".repeat(SIZE / 2) + "]".repeat(SIZE / 2) + "\n");
        m.put("open brackets [[[ ...", "# T\n\n" + "[".repeat(SIZE) + "\n");
        m.put("link openers [a]( ...", "# T\n\n" + "[a](".repeat(SIZE / 4) + "\n");
        m.put("emphasis *a **a ***a ...", "# T\n\n" + "*a **a ".repeat(SIZE / 7) + "\n");
        m.put("backticks ` `` ``` ...", "# T\n\n" + buildBackticks() + "\n");
        m.put("nested quotes > > > ...", "# T\n\n" + "> ".repeat(SIZE / 2) + "x\n");
        m.put("nested lists, 2 spaces a level", nestedList());
        m.put("one 200 KB line", "# T\n\n" + "word ".repeat(SIZE / 5) + "\n");
        m.put("heading line with a run of spaces", "# a" + " ".repeat(SIZE) + "b\n");
        m.put("many ATX lines with space runs", ("# a" + " ".repeat(1000) + "b\n").repeat(SIZE / 1004));
        m.put("unclosed fences, decreasing length", unclosedFences());
        m.put("html block openers <div ...", "# T\n\n" + "<div ".repeat(SIZE / 5) + "\n");
        return m;
    }

    private static String buildBackticks() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; b.length() < SIZE; i++) {
            b.append("`".repeat(i % 300 + 1)).append(' ');
        }
        return b.toString();
    }

    private static String nestedList() {
        StringBuilder b = new StringBuilder("# T\n\n");
        for (int depth = 0; b.length() < SIZE; depth++) {
            b.append("  ".repeat(depth)).append("- x\n");
        }
        return b.toString();
    }

    private static String unclosedFences() {
        StringBuilder b = new StringBuilder("# T\n\n");
        for (int n = 600; n >= 3 && b.length() < SIZE; n--) {
            b.append("~".repeat(n)).append("\ncode\n\n# H").append(n).append("\ntext\n");
        }
        return b.toString();
    }

    @Test
    void printsTheParseTimeOfPathologicalFiles() {
        RunbookParser parser = new RunbookParser();
        files().forEach((name, content) -> {
            long start = System.nanoTime();
            String outcome;
            try {
                outcome = parser.parse("bomb.md", content).headings().size() + " headings";
            } catch (RuntimeException | StackOverflowError e) {
                outcome = e.getClass().getSimpleName();
            }
            System.out.printf(
                    "markdown: %-40s %7d chars, %6d ms (%s)%n",
                    name, content.length(), (System.nanoTime() - start) / 1_000_000, outcome);
        });
    }
}
