package io.runbookbot.agent.exec;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The files named by path parameters, opened by the runner itself and held open for the run, so
 * that the command reads exactly the file that was checked.
 *
 * <p>The race it closes: the validator checks a path with {@code toRealPath}, and if the command
 * re-opened that path by name, whoever can write in the folder could swap the file (or a folder on
 * the way) for a symbolic link to {@code /etc/shadow} in between. Instead each checked real path is
 * opened from {@code /} one component at a time through {@link SecureDirectoryStream} ({@code
 * openat} with {@code O_NOFOLLOW}): no component may be a symbolic link, so what is opened is the
 * file at the checked path, inside its root. The command gets {@code /proc/AGENT_PID/fd/N}, a
 * magic link the kernel resolves to that open file, never by name; the file stays open until the
 * command has ended. Java has no API for the number N of an open channel, so the channel's
 * position is set to a random marker and N is found in {@code /proc/self/fdinfo} (the only open
 * file with that position). A path that became a link, a folder, a device or a missing file
 * since the check is refused and nothing runs.
 *
 * <p>Left open: a FIFO swapped in between the type check and the open makes the open wait for a
 * writer; hard links are not links (with the kernel's default {@code protected_hardlinks} one can
 * only hard-link files one owns).
 */
final class PinnedFiles implements AutoCloseable {
    private static final Path PROC_FDS = Path.of("/proc/self/fd");
    private static final Path PROC_FDINFO = Path.of("/proc/self/fdinfo");
    private static final long OWN_PID = ProcessHandle.current().pid();

    private final List<SeekableByteChannel> channels = new ArrayList<>();
    private final Map<Path, String> opened = new java.util.HashMap<>();

    /** Why {@code file} could not be pinned, for the person who asked. */
    private static String refusal(Path file, IOException e) {
        String why;
        if (e instanceof Refused) {
            why = e.getMessage();
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof java.nio.file.FileSystemException f
                && f.getReason() != null
                && (f.getReason().contains("symbolic links") || f.getReason().contains("Not a directory"))) {
            why = "a folder on its path is a symbolic link now";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "not run: cannot open " + file + " without following links (" + why + ")";
    }

    /**
     * Opens each file; on failure closes what was opened and throws an exception whose message,
     * for the person who asked, names the file and why ({@link #refusal}).
     */
    static PinnedFiles open(Iterable<Path> files) throws IOException {
        PinnedFiles pinned = new PinnedFiles();
        Path current = null;
        try {
            for (Path file : files) {
                current = file;
                if (!pinned.opened.containsKey(file)) {
                    pinned.opened.put(file, pinned.pin(file));
                }
            }
            return pinned;
        } catch (IOException e) {
            pinned.close();
            throw new IOException(refusal(current, e), e);
        } catch (RuntimeException e) {
            pinned.close();
            throw e;
        }
    }

    /** The path the command gets for a checked file. */
    String pathOf(Path file) {
        String path = opened.get(file);
        if (path == null) {
            throw new IllegalArgumentException("not opened: " + file);
        }
        return path;
    }

    private String pin(Path file) throws IOException {
        SeekableByteChannel channel = openNoFollow(file);
        channels.add(channel);
        long marker = ThreadLocalRandom.current().nextLong(1L << 32, 1L << 42);
        channel.position(marker);
        return "/proc/" + OWN_PID + "/fd/" + descriptorAt(file, marker);
    }

    /** Opens {@code file} (absolute) from / with no symbolic link at any component; regular files only. */
    static SeekableByteChannel openNoFollow(Path file) throws IOException {
        if (!file.isAbsolute() || file.getNameCount() == 0) {
            throw new IOException(file + " is not an absolute file path");
        }
        List<SecureDirectoryStream<Path>> dirs = new ArrayList<>();
        try {
            DirectoryStream<Path> root = Files.newDirectoryStream(file.getRoot());
            if (!(root instanceof SecureDirectoryStream<Path> dir)) {
                root.close();
                throw new IOException("this platform cannot open files without following links");
            }
            dirs.add(dir);
            for (int i = 0; i < file.getNameCount() - 1; i++) {
                dirs.add(dirs.get(dirs.size() - 1).newDirectoryStream(file.getName(i), LinkOption.NOFOLLOW_LINKS));
            }
            SecureDirectoryStream<Path> parent = dirs.get(dirs.size() - 1);
            Path name = file.getFileName();
            BasicFileAttributes attrs = parent.getFileAttributeView(
                            name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            if (attrs.isSymbolicLink()) {
                throw new Refused("it is a symbolic link now");
            }
            if (!attrs.isRegularFile()) {
                throw new Refused("it is not a regular file");
            }
            return parent.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } finally {
            for (SecureDirectoryStream<Path> dir : dirs) {
                dir.close();
            }
        }
    }

    /** The descriptor number of our open file whose position is {@code marker}. */
    private static int descriptorAt(Path file, long marker) throws IOException {
        String pos = "pos:\t" + marker + "\n";
        try (Stream<Path> fds = Files.list(PROC_FDS)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String n = fd.getFileName().toString();
                if (sameTarget(fd, file) && readInfo(n).startsWith(pos)) {
                    return Integer.parseInt(n);
                }
            }
        }
        throw new IOException("cannot find the descriptor of " + file + " in " + PROC_FDS);
    }

    private static boolean sameTarget(Path fd, Path file) {
        try {
            // a file renamed or deleted since it was opened shows another name: then it is refused
            return Files.readSymbolicLink(fd).toString().startsWith(file.toString());
        } catch (IOException e) {
            return false; // closed in between by another thread
        }
    }

    private static String readInfo(String fd) {
        try {
            return Files.readString(PROC_FDINFO.resolve(fd));
        } catch (IOException e) {
            return "";
        }
    }

    /** The file is there but must not be opened. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        for (SeekableByteChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
    }
}
