package io.runbookbot;

import static io.runbookbot.MainSources.BASE;
import static io.runbookbot.MainSources.inPackage;
import static io.runbookbot.MainSources.isIn;
import static io.runbookbot.MainSources.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.SourceFile.Import;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The source scan behind {@link ArchitectureTest}: it reads every main source, so no rule passes
 * because nothing was read, and it parses imports, comments and literals as Java does. Also the
 * rules that scan source text rather than imports: only {@code app} reads outside configuration
 * (environment variables, system properties).
 */
class ArchitectureSourceScanTest {

    @Test
    void readsTheMainSourcesSoTheRulesCannotPassVacuously() {
        assertThat(sources()).as("java files under src/main/java/io/runbookbot").hasSizeGreaterThan(10);
        assertThat(inPackage("core")).as("files in io.runbookbot.core").isNotEmpty();
        assertThat(sources().stream().mapToLong(f -> f.imports().size()).sum())
                .as("imports parsed across all files")
                .isPositive();
    }

    @Test
    void everySourceFileDeclaresAPackageUnderTheBasePackage() {
        List<String> offenders = sources().stream()
                .filter(f -> f.packageName().filter(p -> isIn(p, BASE)).isEmpty())
                .map(f -> f.path() + ": no package declaration under " + BASE)
                .collect(Collectors.toList());
        assertThat(offenders).isEmpty();
    }

    @Test
    void parsesImportsOfAKnownShape() {
        SourceFile sample = SourceFile.parse(
                Path.of("Sample.java"),
                List.of(
                        "package io.runbookbot.core;",
                        "/* import org.apache.lucene.Hidden;",
                        "   still a comment */",
                        "import static java.util.Objects.requireNonNull;",
                        "import org.slf4j.Logger; // trailing",
                        "// import com.slack.Ignored;",
                        "class Sample { String s = \"System.getenv\"; }"));
        assertThat(sample.packageName()).contains("io.runbookbot.core");
        assertThat(sample.imports())
                .extracting(Import::name)
                .containsExactly("java.util.Objects.requireNonNull", "org.slf4j.Logger");
        assertThat(sample.imports()).extracting(Import::line).containsExactly(4, 5);
        assertThat(sample.getenvLines()).isEmpty();
    }

    @Test
    void recognisesPropertyReadsButNotFactsAboutTheJvm() {
        SourceFile sample = SourceFile.parse(
                Path.of("Sample.java"),
                List.of(
                        "package io.runbookbot.search;",
                        "class Sample {",
                        "  String a = System.getProperty(\"runbookbot.timeout\");",
                        "  String b = System.getProperty(\"user.name\");",
                        "  Integer c = Integer.getInteger(\"runbookbot.port\");",
                        "  // System.getProperty(\"commented\")",
                        "}"));
        assertThat(sample.propertyLines()).containsExactly(3, 5);
    }

    @Test
    void onlyAppReadsEnvironmentVariables() {
        List<String> offenders = new ArrayList<>();
        for (SourceFile file : sources()) {
            if (file.packageName().filter(p -> isIn(p, BASE + ".app")).isPresent()) {
                continue;
            }
            for (int line : file.getenvLines()) {
                offenders.add(file.path() + ":" + line + ": calls System.getenv outside " + BASE + ".app");
            }
            file.imports().stream()
                    .filter(i -> i.name().equals("java.lang.System.getenv"))
                    .forEach(i -> offenders.add(file.path() + ":" + i.line() + ": imports System.getenv"));
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Issue 11: only app reads outside configuration, so system properties too are read there alone
     * (besides facts about the JVM such as {@code user.name} or {@code java.io.tmpdir}).
     */
    @Test
    void onlyAppReadsSystemProperties() {
        List<String> offenders = new ArrayList<>();
        for (SourceFile file : sources()) {
            if (file.packageName().filter(p -> isIn(p, BASE + ".app")).isPresent()) {
                continue;
            }
            for (int line : file.propertyLines()) {
                offenders.add(file.path() + ":" + line + ": reads a system property outside " + BASE + ".app");
            }
        }
        assertThat(offenders).isEmpty();
    }
}
