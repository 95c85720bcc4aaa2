package io.runbookbot.search.markdown;

import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The runbook files under a folder: {@code .md}, {@code .markdown} and {@code .txt} files (any
 * case), recursively, leaving out hidden files and folders (names starting with a dot) and the
 * legal files that sit beside runbooks in repositories ({@code LICENSE.txt}, {@code NOTICE.md} ...).
 */
final class RunbookFiles {
    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");
    private static final List<String> NOT_RUNBOOKS = List.of("license", "licence", "copying", "notice");

    /** A runbook file: its path and its path relative to the folder, with {@code /}. */
    record Entry(Path path, String relative) {
    }

    /** The runbook files sorted by relative path, and the entries that could not be visited. */
    record Listing(List<Entry> files, List<SkippedFile> failures) {
    }

    private RunbookFiles() {
    }

    static Listing list(Path dir) {
        if (!Files.exists(dir)) {
            throw new UserFacingException("Runbook folder not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("Runbook folder is not a directory: " + dir);
        }
        Walker walker = new Walker(dir);
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read runbook folder " + dir + ": " + e.getMessage(), e);
        }
        walker.files.sort(Comparator.comparing(Entry::relative));
        walker.failures.sort(Comparator.comparing(SkippedFile::file));
        return new Listing(walker.files, walker.failures);
    }

    static boolean isRunbook(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith) && !NOT_RUNBOOKS.contains(stem);
    }

    static String relative(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        dir.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Entry> files = new ArrayList<>();
        private final List<SkippedFile> failures = new ArrayList<>();

        Walker(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && isRunbook(file.getFileName().toString())) {
                files.add(new Entry(file, relative(root, file)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(root)) {
                throw e;
            }
            String name = file.getFileName().toString();
            if (!name.startsWith(".")) {
                failures.add(new SkippedFile(relative(root, file), "cannot read: " + describe(e)));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + " " + message;
    }
}
