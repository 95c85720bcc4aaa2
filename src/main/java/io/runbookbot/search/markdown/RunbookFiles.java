package io.runbookbot.search.markdown;

import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
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
 *
 * <p>Symbolic links are followed only while they stay inside the folder: a link (to a file or a
 * folder) whose target, once resolved, lies outside it is skipped with its target named (a
 * runbook repository can carry {@code passwd.md -> /etc/passwd}); a link loop is skipped too.
 * Each entry carries the resolved path that was checked, which the loader opens without
 * following links.
 */
final class RunbookFiles {
    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");
    private static final List<String> NOT_RUNBOOKS = List.of("license", "licence", "copying", "notice");

    /**
     * A runbook file.
     *
     * @param path     as found under the folder
     * @param relative relative to the folder, with {@code /}
     * @param real     {@code path} with every link resolved; inside the folder's real path
     * @param root     the folder's real path
     */
    record Entry(Path path, String relative, Path real, Path root) {}

    /** The runbook files sorted by relative path, and the entries that could not be visited. */
    record Listing(List<Entry> files, List<SkippedFile> failures) {}

    private RunbookFiles() {}

    static Listing list(Path dir) {
        if (!Files.exists(dir)) {
            String where = dir.isAbsolute() ? "" : " (" + dir.toAbsolutePath().normalize() + ")";
            throw new UserFacingException("Runbook folder not found: " + dir + where);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("Runbook folder is not a directory: " + dir);
        }
        Walker walker;
        try {
            walker = new Walker(dir, dir.toRealPath());
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

    /** Why a link is not followed, naming its target (never its content). */
    static String outside(Path link, Path real) {
        String target = real.toString();
        try {
            if (Files.isSymbolicLink(link)) {
                Path written = Files.readSymbolicLink(link);
                target = written.equals(real) ? target : written + " (resolves to " + real + ")";
            }
        } catch (IOException e) {
            // name the resolved target only
        }
        return "link to " + target + ", outside the runbook folder";
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path realRoot;
        private final List<Entry> files = new ArrayList<>();
        private final List<SkippedFile> failures = new ArrayList<>();

        Walker(Path root, Path realRoot) {
            this.root = root;
            this.realRoot = realRoot;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (dir.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                failures.add(new SkippedFile(relative(root, dir), "cannot read: " + describe(e)));
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!real.startsWith(realRoot)) {
                failures.add(new SkippedFile(relative(root, dir), outside(dir, real)));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (!isRunbook(name)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                failures.add(new SkippedFile(relative(root, file), "broken link"));
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        private void add(Path file) {
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                failures.add(new SkippedFile(relative(root, file), "cannot read: " + describe(e)));
                return;
            }
            if (real.startsWith(realRoot)) {
                files.add(new Entry(file, relative(root, file), real, realRoot));
            } else {
                failures.add(new SkippedFile(relative(root, file), outside(file, real)));
            }
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(root)) {
                throw e;
            }
            String name = file.getFileName().toString();
            if (e instanceof FileSystemLoopException) {
                failures.add(new SkippedFile(relative(root, file), "link loop (a link to a folder that contains it)"));
            } else if (!name.startsWith(".")) {
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
