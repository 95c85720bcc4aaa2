package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge and pathological runbooks: a 50 MB file under a 256 MB heap through the real jar, and
 * Markdown built to make the parser slow.
 */
class RunbookSizeSecurityIT {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path tmp;

    private Path runbooks;

    @BeforeEach
    void folder() throws IOException {
        runbooks = Files.createDirectory(tmp.resolve("runbooks"));
        Files.copy(JarRun.BASEDIR.resolve("runbooks/api-server-down.md"), runbooks.resolve("api-server-down.md"));
    }

    @Test
    void aFiftyMegabyteRunbookUnderA256MegabyteHeapIsSkippedWithAWarningAndTheOthersAnswer() throws Exception {
        try (Writer out = Files.newBufferedWriter(runbooks.resolve("huge.md"), StandardCharsets.UTF_8)) {
            out.write("# Huge\n\n");
            String line = "port already in use address already in use lsof kill restart the server again\n";
            for (long written = 0; written < FIFTY_MB; written += line.length()) {
                out.write(line);
            }
        }

        JarRun run = JarRun.run(
                tmp,
                List.of("-Xmx256m"),
                Map.of(),
                120,
                "ask",
                "--runbooks",
                runbooks.toString(),
                "port already in use");
        System.out.printf("RunbookSizeSecurityIT: ask with a 50 MB runbook under -Xmx256m took %d ms%n", run.millis());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr())
                .doesNotContain("OutOfMemoryError")
                .containsPattern("huge\\.md: too large: 5242\\d{4} bytes \\(the limit is 1048576 bytes\\)");
        assertThat(run.stdout()).contains("api-server-down.md").doesNotContain("huge.md");
        assertThat(run.millis()).isLessThan(30_000);
    }

    @Test
    void theSizeCapIsASetting() throws Exception {
        Files.writeString(runbooks.resolve("small.md"), "# Small\n\n" + "gizmoflux overheats\n".repeat(100));

        JarRun run = JarRun.run(
                tmp,
                List.of(),
                Map.of("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "1000"),
                60,
                "ask",
                "--runbooks",
                runbooks.toString(),
                "gizmoflux overheats");

        assertThat(run.stderr()).contains("small.md: too large: 2009 bytes (the limit is 1000 bytes)");
        assertThat(run.stdout()).doesNotContain("small.md");
    }

    @Test
    void twoHundredKilobytesOfNestedBracketsAndOtherPathologicalMarkdownLoadInBoundedTime() throws IOException {
        Map<String, String> bombs = Map.of(
                "brackets.md", "# Brackets\n\n" + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
                "links.md", "# Links\n\n" + "[a](".repeat(50_000) + "\n",
                "heading.md", "# a" + " ".repeat(200_000) + "b\n",
                "headings.md", ("# a" + " ".repeat(1_000) + "b\n").repeat(200),
                "quotes.md", "# Quotes\n\n" + "> ".repeat(100_000) + "x\n",
                "fences.md", unclosedFences(),
                "rules.md", "# Rules\n\ntext\n\n" + "- ".repeat(100_000) + "\n");
        for (Map.Entry<String, String> bomb : bombs.entrySet()) {
            Files.writeString(runbooks.resolve(bomb.getKey()), bomb.getValue());
        }

        long start = System.nanoTime();
        LoadResult loaded = new RunbookLoader().load(runbooks);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "RunbookSizeSecurityIT: %d pathological files of about 200 KB loaded in %d ms "
                        + "(before: nested brackets alone 6 s, one heading line 580 s); skipped: %s%n",
                bombs.size(), millis, loaded.skipped());

        assertThat(millis).isLessThan(10_000);
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.runbooks()).hasSize(bombs.size() + 1);
    }

    private static String unclosedFences() {
        StringBuilder b = new StringBuilder("# Fences\n\n");
        for (int n = 600; n >= 3 && b.length() < 200_000; n--) {
            b.append("~".repeat(n)).append("\ncode\n\n# H").append(n).append("\ntext\n");
        }
        return b.toString();
    }
}
