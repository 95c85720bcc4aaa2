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
import java.time.Duration;
import java.util.Objects;
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
 * does not follow links out of the folder either). When the folder itself is deleted, the watcher
 * looks for it every {@link #REARM_POLL} and, once it is back, watches it again and calls
 * {@code onChange}. Close it to stop watching.
 */
public final class RunbookFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookFolderWatcher.class);

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
    private @Nullable ScheduledFuture<?> rearm;

    /** How often a deleted folder is looked for. */
    static final Duration REARM_POLL = Duration.ofSeconds(1);

    private RunbookFolderWatcher(Path root, Duration debounce, Runnable onChange) throws IOException {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.watcher = root.getFileSystem().newWatchService();
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
                if (!key.reset() && dir.equals(root)) {
                    LOG.warn("The runbook folder {} is gone; answers keep coming from the last index until it is back",
                            root);
                    awaitRoot();
                }
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::fire, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls until the folder exists again, then watches it anew and reports a change. */
    private synchronized void awaitRoot() {
        if (rearm == null || rearm.isDone()) {
            rearm = timer.scheduleWithFixedDelay(this::rearmIfBack, REARM_POLL.toMillis(), REARM_POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void rearmIfBack() {
        if (!Files.isDirectory(root)) {
            return;
        }
        LOG.info("The runbook folder {} is back; watching it again", root);
        registerTree(root);
        synchronized (this) {
            if (rearm != null) {
                rearm.cancel(false);
            }
        }
        schedule();
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
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
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
