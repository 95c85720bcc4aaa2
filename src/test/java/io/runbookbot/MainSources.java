package io.runbookbot;

import io.runbookbot.SourceFile.Import;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The main sources under {@code src/main/java/io/runbookbot}, read once per test JVM, and the
 * queries the architecture rules ask of them. Each rule reports offending file:line.
 */
final class MainSources {

    static final String BASE = "io.runbookbot";
    static final List<String> JDK = List.of("java.", "javax.", "jdk.", "com.sun.net.httpserver.");

    private static final Path SOURCE_ROOT = Path.of("src", "main", "java");

    private MainSources() {}

    /** Every main source file, sorted by path; read on first use. */
    static List<SourceFile> sources() {
        return Read.SOURCES;
    }

    private static final class Read {
        static final List<SourceFile> SOURCES = read();
    }

    private static List<SourceFile> read() {
        Path root = projectDir().resolve(SOURCE_ROOT);
        Path base = root.resolve(BASE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .map(p -> SourceFile.read(projectDir().relativize(p.toAbsolutePath()), p))
                    .collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base, e);
        }
    }

    static List<SourceFile> inPackage(String subPackage) {
        String pkg = BASE + "." + subPackage;
        return sources().stream()
                .filter(f -> f.packageName().filter(p -> isIn(p, pkg)).isPresent())
                .collect(Collectors.toList());
    }

    static List<String> violations(List<SourceFile> files, Predicate<String> forbidden) {
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
    static boolean isIn(String name, String pkg) {
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return (basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir)).toAbsolutePath();
    }
}
