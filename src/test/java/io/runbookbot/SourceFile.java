package io.runbookbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file as the architecture rules see it: its package, its imports and the lines
 * that read environment variables or system properties, each with its line number. Comments and
 * literals do not count (see {@link CommentStripper}).
 */
record SourceFile(
        Path path,
        Optional<String> packageName,
        List<Import> imports,
        List<Integer> getenvLines,
        List<Integer> propertyLines) {

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

    record Import(String name, int line) {}

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
