package io.runbookbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package dependency direction of the house style by reading the import lines of
 * the main sources (no bytecode analysis, no ArchUnit). Each rule reports offending file:line.
 */
class ArchitectureTest {

    private static final String BASE = "io.runbookbot";
    private static final Path SOURCE_ROOT = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern GETENV = Pattern.compile("\\bSystem\\s*(?:\\.|::)\\s*getenv\\b");
    /** Reads of JVM system properties, the other way in for outside configuration. */
    private static final Pattern PROPERTY =
            Pattern.compile("\\bSystem\\s*(?:\\.|::)\\s*(?:getProperty|getProperties)\\b"
                    + "|\\b(?:Integer\\s*\\.\\s*getInteger|Long\\s*\\.\\s*getLong|Boolean\\s*\\.\\s*getBoolean)\\b");
    /** Properties that describe the JVM and the machine, not the bot's configuration. */
    private static final Pattern JVM_FACT = Pattern.compile(
            "System\\s*\\.\\s*getProperty\\(\\s*\"(?:user\\.name|user\\.home|java\\.io\\.tmpdir|java\\.home"
                    + "|java\\.version|os\\.name|line\\.separator)\"\\s*\\)");

    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "com.sun.net.httpserver.");

    private static List<SourceFile> sources;

    @BeforeAll
    static void readSources() throws IOException {
        Path root = projectDir().resolve(SOURCE_ROOT);
        Path base = root.resolve(BASE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .map(p -> SourceFile.read(projectDir().relativize(p.toAbsolutePath()), p))
                    .collect(Collectors.toList());
        }
    }

    // ---- self-checks: the rules below must not pass because nothing was read ----

    @Test
    void readsTheMainSourcesSoTheRulesCannotPassVacuously() {
        assertThat(sources).as("java files under src/main/java/io/runbookbot").hasSizeGreaterThan(10);
        assertThat(inPackage("core")).as("files in io.runbookbot.core").isNotEmpty();
        assertThat(sources.stream().mapToLong(f -> f.imports().size()).sum())
                .as("imports parsed across all files")
                .isPositive();
    }

    @Test
    void everySourceFileDeclaresAPackageUnderTheBasePackage() {
        List<String> offenders = sources.stream()
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

    // ---- dependency rules ----

    @Test
    void coreImportsOnlyJdkSlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".core");
        assertThat(violations(inPackage("core"), allowed.negate())).isEmpty();
    }

    @Test
    void searchImportsNoProjectPackageOtherThanCoreSearchAndRedact() {
        Predicate<String> forbidden = name -> isIn(name, BASE)
                && !isIn(name, BASE + ".core")
                && !isIn(name, BASE + ".search")
                && !isIn(name, BASE + ".redact");
        assertThat(violations(inPackage("search"), forbidden)).isEmpty();
    }

    @Test
    void searchImportsNoChatPlatformOrCliLibrary() {
        Predicate<String> forbidden = name -> startsWithAny(name, List.of("com.slack.", "net.dv8tion.", "picocli."));
        assertThat(violations(inPackage("search"), forbidden)).isEmpty();
    }

    @Test
    void llmImportsOnlyCoreRedactLangchain4jAndTheJdk() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(
                        name, List.of("dev.langchain4j.", "com.fasterxml.jackson.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".redact")
                || isIn(name, BASE + ".llm");
        assertThat(violations(inPackage("llm"), allowed.negate())).isEmpty();
    }

    @Test
    void onlyEmbeddingsLlmAndAppTalkToLangchain4j() {
        Predicate<String> forbidden = name -> name.startsWith("dev.langchain4j.");
        List<SourceFile> others = sources.stream()
                .filter(f -> f.packageName()
                        .filter(p ->
                                !isIn(p, BASE + ".search.embed") && !isIn(p, BASE + ".llm") && !isIn(p, BASE + ".app"))
                        .isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    @Test
    void agentImportsOnlyAgentHttpYamlJdkJacksonSlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("com.fasterxml.jackson.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".agent")
                || isIn(name, BASE + ".http")
                || isIn(name, BASE + ".yaml");
        assertThat(violations(inPackage("agent"), allowed.negate())).isEmpty();
    }

    /** The HTTP listener is a leaf that the agent, app and slack packages build on. */
    @Test
    void httpImportsOnlyJdkJettySlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("org.eclipse.jetty.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".http");
        assertThat(violations(inPackage("http"), allowed.negate())).isEmpty();
    }

    @Test
    void onlyTheHttpPackageTalksToJettyOrTheJdkHttpServer() {
        Predicate<String> forbidden =
                name -> name.startsWith("org.eclipse.jetty.") || name.startsWith("com.sun.net.httpserver.");
        List<SourceFile> others = sources.stream()
                .filter(f ->
                        f.packageName().filter(p -> !isIn(p, BASE + ".http")).isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    @Test
    void redactImportsOnlyTheJdk() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || isIn(name, BASE + ".redact")
                || startsWithAny(name, List.of("org.jspecify."));
        assertThat(violations(inPackage("redact"), allowed.negate())).isEmpty();
    }

    @Test
    void diagnosticsImportsNoSearchNorAdapters() {
        Predicate<String> forbidden =
                name -> startsWithAny(name, List.of("com.slack.", "net.dv8tion.", "picocli.", "org.apache.lucene."))
                        || List.of("search", "cli", "slack", "discord", "app").stream()
                                .anyMatch(p -> isIn(name, BASE + "." + p));
        assertThat(violations(inPackage("diagnostics"), forbidden)).isEmpty();
    }

    @Test
    void cliSlackAndDiscordAdaptersDoNotImportEachOther() {
        List<String> adapters = List.of("cli", "slack", "discord");
        List<String> offenders = new ArrayList<>();
        for (String adapter : adapters) {
            Predicate<String> otherAdapter = name -> adapters.stream()
                    .filter(other -> !other.equals(adapter))
                    .anyMatch(other -> isIn(name, BASE + "." + other));
            offenders.addAll(violations(inPackage(adapter), otherAdapter));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyAppReadsEnvironmentVariables() {
        List<String> offenders = new ArrayList<>();
        for (SourceFile file : sources) {
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
     * Issue 11: a front end is an adapter between its platform and the core. Slack and Discord import
     * the core, their platform SDK (Slack's brings Gson for its JSON), the JDK, SLF4J and JSpecify;
     * Slack also the shared HTTP listener for its HTTP mode. Nothing of search, llm, diagnostics,
     * agent, redact, app or cli: those reach an adapter through core interfaces.
     */
    @Test
    void slackAndDiscordAdaptersImportOnlyCoreTheirPlatformSdkAndTheJdk() {
        // Caffeine bounds what they remember (button refs, event ids); Jackson writes Slack's JSON.
        List<String> common = List.of("org.slf4j.", "org.jspecify.", "com.github.benmanes.caffeine.");
        Predicate<String> slack = name -> startsWithAny(name, JDK)
                || startsWithAny(name, common)
                || startsWithAny(name, List.of("com.slack.api.", "com.fasterxml.jackson."))
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".http")
                || isIn(name, BASE + ".slack");
        Predicate<String> discord = name -> startsWithAny(name, JDK)
                || startsWithAny(name, common)
                || name.startsWith("net.dv8tion.jda.")
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".discord");
        List<String> offenders = new ArrayList<>(violations(inPackage("slack"), slack.negate()));
        offenders.addAll(violations(inPackage("discord"), discord.negate()));
        assertThat(inPackage("slack")).as("files in io.runbookbot.slack").isNotEmpty();
        assertThat(inPackage("discord")).as("files in io.runbookbot.discord").isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    /** Issue 11: app wires everything and cli is its terminal front end; nothing else depends on them. */
    @Test
    void nothingButAppAndCliImportsAppOrCli() {
        Predicate<String> forbidden = name -> isIn(name, BASE + ".app") || isIn(name, BASE + ".cli");
        List<SourceFile> others = sources.stream()
                .filter(f -> f.packageName()
                        .filter(p -> !isIn(p, BASE + ".app") && !isIn(p, BASE + ".cli"))
                        .isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    /**
     * Issue 11: only app reads outside configuration, so system properties too are read there alone
     * (besides facts about the JVM such as {@code user.name} or {@code java.io.tmpdir}).
     */
    @Test
    void onlyAppReadsSystemProperties() {
        List<String> offenders = new ArrayList<>();
        for (SourceFile file : sources) {
            if (file.packageName().filter(p -> isIn(p, BASE + ".app")).isPresent()) {
                continue;
            }
            for (int line : file.propertyLines()) {
                offenders.add(file.path() + ":" + line + ": reads a system property outside " + BASE + ".app");
            }
        }
        assertThat(offenders).isEmpty();
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

    // ---- helpers ----

    private static List<SourceFile> inPackage(String subPackage) {
        String pkg = BASE + "." + subPackage;
        return sources.stream()
                .filter(f -> f.packageName().filter(p -> isIn(p, pkg)).isPresent())
                .collect(Collectors.toList());
    }

    private static List<String> violations(List<SourceFile> files, Predicate<String> forbidden) {
        List<String> offenders = new ArrayList<>();
        for (SourceFile file : files) {
            for (Import imp : file.imports()) {
                if (forbidden.test(imp.name())) {
                    offenders.add(file.path() + ":" + imp.line() + ": "
                            + file.packageName().orElse("?") + " imports " + imp.name());
                }
            }
        }
        return offenders;
    }

    /** True if {@code name} is {@code pkg} itself or anything below it. */
    private static boolean isIn(String name, String pkg) {
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return (basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir)).toAbsolutePath();
    }

    record Import(String name, int line) {}

    record SourceFile(
            Path path,
            Optional<String> packageName,
            List<Import> imports,
            List<Integer> getenvLines,
            List<Integer> propertyLines) {

        static SourceFile read(Path shownPath, Path file) {
            try {
                return parse(shownPath, Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        static SourceFile parse(Path shownPath, List<String> rawLines) {
            List<String> lines = CommentStripper.strip(rawLines);
            Optional<String> pkg = Optional.empty();
            List<Import> imports = new ArrayList<>();
            List<Integer> getenv = new ArrayList<>();
            List<Integer> properties = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher p = PACKAGE.matcher(line);
                if (pkg.isEmpty() && p.find()) {
                    pkg = Optional.of(p.group(1));
                }
                Matcher m = IMPORT.matcher(line);
                if (m.find()) {
                    imports.add(new Import(m.group(1), i + 1));
                }
                if (GETENV.matcher(line).find()) {
                    getenv.add(i + 1);
                }
                if (PROPERTY.matcher(line).find()
                        && !JVM_FACT.matcher(rawLines.get(i)).find()) {
                    properties.add(i + 1);
                }
            }
            return new SourceFile(shownPath, pkg, List.copyOf(imports), List.copyOf(getenv), List.copyOf(properties));
        }
    }

    /**
     * Blanks out comments and the contents of string, char and text-block literals, keeping line
     * numbers, so commented-out imports and text mentioning {@code System.getenv} do not count.
     */
    static final class CommentStripper {
        private CommentStripper() {}

        static List<String> strip(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            boolean inBlock = false;
            boolean inTextBlock = false;
            for (String line : lines) {
                StringBuilder sb = new StringBuilder(line.length());
                int i = 0;
                while (i < line.length()) {
                    char c = line.charAt(i);
                    if (inBlock) {
                        if (line.startsWith("*/", i)) {
                            inBlock = false;
                            i += 2;
                        } else {
                            i++;
                        }
                    } else if (inTextBlock) {
                        if (line.startsWith("\"\"\"", i)) {
                            inTextBlock = false;
                            sb.append("\"\"");
                            i += 3;
                        } else {
                            i += c == '\\' ? 2 : 1;
                        }
                    } else if (line.startsWith("//", i)) {
                        break;
                    } else if (line.startsWith("/*", i)) {
                        inBlock = true;
                        sb.append(' ');
                        i += 2;
                    } else if (line.startsWith("\"\"\"", i)) {
                        inTextBlock = true;
                        sb.append("\"\"");
                        i += 3;
                    } else if (c == '"' || c == '\'') {
                        i = skipLiteral(line, i, c);
                        sb.append(c).append(c);
                    } else {
                        sb.append(c);
                        i++;
                    }
                }
                out.add(sb.toString());
            }
            return out;
        }

        private static int skipLiteral(String line, int start, char quote) {
            int i = start + 1;
            while (i < line.length() && line.charAt(i) != quote) {
                i += line.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i + 1, line.length());
        }
    }
}
