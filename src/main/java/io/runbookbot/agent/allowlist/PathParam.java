package io.runbookbot.agent.allowlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file inside one of the folders of a named root. After the strict shared checks the value
 * must not contain a {@code ..} segment; a relative value is resolved against the root's folders
 * (the first folder where it exists, else the first folder); the part of the path that exists is
 * resolved with {@link Path#toRealPath}, so a symlink that points out of the root is refused.
 * What reaches argv is the resolved absolute path, except for read-only entries: there the runner
 * opens that path itself without following any link and the command gets the open file
 * ({@code /proc/PID/fd/N}), so swapping the file for a link after this check leaks nothing (see
 * {@link Validation.Accepted#files()}). A file that does not exist (yet, or on this host) is
 * accepted when its path is inside the root; a read-only entry then refuses to run.
 *
 * @param root    the name of the root in the allowlist's {@code roots:} section
 * @param folders the root's folders: absolute, normalized
 */
public record PathParam(String name, String root, List<Path> folders) implements ParamSpec {
    public PathParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        folders = List.copyOf(folders);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("folders must not be empty");
        }
        for (Path folder : folders) {
            if (!folder.isAbsolute() || !folder.equals(folder.normalize()) || folder.getNameCount() == 0) {
                throw new IllegalArgumentException("folder must be absolute, normalized and not /: " + folder);
            }
        }
    }

    @Override
    public Optional<String> reject(String value) {
        return check(value).rejection();
    }

    /** The absolute path that would reach argv, or empty when the value is refused. */
    public Optional<Path> resolve(String value) {
        return Optional.ofNullable(check(value).argValue()).map(Path::of);
    }

    @Override
    public String describe() {
        return "path inside " + root + " (" + folderList() + ")";
    }

    Checked check(String value) {
        Optional<String> shared = ValueChecks.strict(name, value, ValueChecks.MAX_LENGTH);
        if (shared.isPresent()) {
            return Checked.refused(shared.get());
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return Checked.refused(name + ": not a valid path");
        }
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                return Checked.refused(name + ": must not contain '..'");
            }
        }
        Path candidate = path.isAbsolute() ? path.normalize() : relativeCandidate(path);
        if (folders.stream().noneMatch(candidate::startsWith)) {
            return Checked.refused(name + ": " + Echo.quote(value) + " is not inside " + describeRoot());
        }
        Optional<Path> real = realPath(candidate);
        if (real.isEmpty()) {
            return Checked.refused(name + ": " + Echo.quote(value) + " cannot be resolved (broken link?)");
        }
        if (realFolders().stream().noneMatch(real.get()::startsWith)) {
            return Checked.refused(
                    name + ": " + Echo.quote(value) + " leads outside " + describeRoot() + " through a symbolic link");
        }
        return Checked.ok(real.get().toString());
    }

    private Path relativeCandidate(Path relative) {
        return folders.stream()
                .map(folder -> folder.resolve(relative).normalize())
                .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                .findFirst()
                .orElse(folders.get(0).resolve(relative).normalize());
    }

    /** The real path of the deepest existing ancestor, with the rest of the path appended. */
    private static Optional<Path> realPath(Path candidate) {
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of(candidate);
        }
        try {
            return Optional.of(existing.toRealPath()
                    .resolve(existing.relativize(candidate))
                    .normalize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<Path> realFolders() {
        return folders.stream().map(folder -> realPath(folder).orElse(folder)).collect(Collectors.toList());
    }

    private String describeRoot() {
        return "root " + root + " (" + folderList() + ")";
    }

    private String folderList() {
        return folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
