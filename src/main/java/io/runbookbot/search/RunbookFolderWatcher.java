package io.runbookbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and its subfolders (new ones included) and calls {@code onChange} once a burst
 * of changes has been quiet for {@code debounce}. Links to folders are not watched (the loader
 * does not follow links out of the folder either). Every {@link #ROOT_CHECK} it also checks that
 * the folder is still the one it watches: when it was deleted and re-created (or another folder
 * was moved into its place) it watches the new one and calls {@code onChange}. Close it to stop
 * watching.
 */
public final class RunbookFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookFolderWatcher.class);
    /** How often the folder's identity is checked. */
    static final Duration ROOT_CHECK = Duration.ofSeconds(1);

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Thread thread;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "runbook-watch-debounce");
        t.setDaemon(true);
        return t;
    });
    private @Nullable ScheduledFuture<?> pending;
    /** The identity (device and inode) of the folder watched; empty while it is missing. */
    private volatile Optional<Object> watched;

    private RunbookFolderWatcher(Path root, Duration debounce, Runnable onChange) throws IOException {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.watcher = root.getFileSystem().newWatchService();
        this.watched = identity();
        registerTree(root);
        this.thread = new Thread(this::loop, "runbook-watch");
        thread.setDaemon(true);
    }

    /** Starts watching {@code root}; {@code onChange} runs on the watcher's timer thread. */
    public static RunbookFolderWatcher start(Path root, Duration debounce, Runnable onChange) {
        Objects.requireNonNull(root, "root");
        try {
            RunbookFolderWatcher w = new RunbookFolderWatcher(root, debounce, Objects.requireNonNull(onChange));
            w.thread.start();
            w.timer.scheduleWithFixedDelay(
                    w::checkRoot, ROOT_CHECK.toMillis(), ROOT_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + root, e);
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        registerTree(root);
                    } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path child = dir.resolve((Path) event.context());
                        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                            registerTree(child);
                        }
                    }
                }
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Notices the folder going away, and a folder (re-)appearing at its path. */
    private void checkRoot() {
        Optional<Object> now = identity();
        Optional<Object> before = watched;
        if (now.equals(before)) {
            return;
        }
        watched = now;
        if (now.isEmpty()) {
            LOG.warn("The runbook folder {} is gone; answers keep coming from the last index until it is back", root);
        } else {
            LOG.info("The runbook folder {} is {}; watching it", root, before.isEmpty() ? "back" : "a new folder");
            registerTree(root);
        }
        schedule();
    }

    private Optional<Object> identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
            return attributes.isDirectory()
                    ? Optional.ofNullable(attributes.fileKey()).or(() -> Optional.of(root))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::fire, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.error("Handling a change under {} failed", root, e);
        }
    }

    private void registerTree(Path dir) {
        try (Stream<Path> dirs = Files.walk(dir)) {
            dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).forEach(this::register);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot watch every folder under {}: {}", dir, e.getMessage());
        }
    }

    private void register(Path dir) {
        try {
            dir.register(
                    watcher,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service of {}", root, e);
        }
        thread.interrupt();
        timer.shutdownNow();
    }
}
