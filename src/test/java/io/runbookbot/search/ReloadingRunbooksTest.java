package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Answer;
import io.runbookbot.core.SectionHit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real runbook folder on disk, re-indexed while it changes and while queries run. */
class ReloadingRunbooksTest {
    private static final String DISK = """
            # Disk

            ## Disk full

            When writes fail with `No space left on device`, check usage with `df -h` and delete old
            archives under /var/log.
            """;
    private static final String PORT = """
            # Ports

            ## Port already in use

            If the server fails with `Address already in use`, find the listener with `lsof -i :8000`
            and stop it.
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeRunbooks() throws IOException {
        Files.writeString(dir.resolve("disk.md"), DISK);
        Files.createDirectories(dir.resolve("network"));
        Files.writeString(dir.resolve("network/port.md"), PORT);
    }

    private static Optional<String> bestHeading(ReloadingRunbooks runbooks, String question) {
        Answer answer = runbooks.ask(question, 5);
        return answer.hits().stream().findFirst().map(SectionHit::section).map(s -> s.file() + "#" + s.heading());
    }

    private static void awaitHeading(ReloadingRunbooks runbooks, String question, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !bestHeading(runbooks, question).equals(Optional.of(expected))) {
            Thread.sleep(50);
        }
        assertThat(bestHeading(runbooks, question)).contains(expected);
    }

    @Test
    void watcherReindexesAnEditedFileInANewSubfolder() throws Exception {
        try (ReloadingRunbooks runbooks = ReloadingRunbooks.open(dir);
                RunbookFolderWatcher watcher =
                        RunbookFolderWatcher.start(dir, Duration.ofMillis(200), runbooks::requestReload)) {
            assertThat(bestHeading(runbooks, "no space left on device")).contains("disk.md#Disk full");

            Files.writeString(dir.resolve("disk.md"), DISK.replace("## Disk full", "## Volume exhausted"));
            awaitHeading(runbooks, "no space left on device", "disk.md#Volume exhausted");

            Path added = Files.createDirectories(dir.resolve("storage/new"));
            Thread.sleep(300); // let the watcher register the new folders before a file lands there
            Files.writeString(
                    added.resolve("inodes.md"),
                    "# Inodes\n\n## Inodes exhausted\n\n" + "Run `df -i` when inode usage hits 100 percent.\n");
            awaitHeading(runbooks, "inode usage 100 percent", "storage/new/inodes.md#Inodes exhausted");
        }
    }

    @Test
    void fileThatBecomesInvalidUtf8IsSkippedWhileTheOthersStillAnswer() throws IOException {
        try (ReloadingRunbooks runbooks = ReloadingRunbooks.open(dir)) {
            Files.write(dir.resolve("network/port.md"), new byte[] {'#', ' ', 'P', (byte) 0xC3, (byte) 0x28, '\n'});

            IndexStatus status = runbooks.reloadNow();

            assertThat(status.skipped()).isEqualTo(1);
            assertThat(status.runbooks()).isEqualTo(1);
            assertThat(status.succeeded()).isEqualTo(2);
            assertThat(bestHeading(runbooks, "no space left on device")).contains("disk.md#Disk full");
            assertThat(bestHeading(runbooks, "address already in use lsof"))
                    .isNotEqualTo(Optional.of("network/port.md#Port already in use"));
        }
    }

    @Test
    void deletedFolderKeepsThePreviousIndex() throws IOException {
        try (ReloadingRunbooks runbooks = ReloadingRunbooks.open(dir)) {
            Files.delete(dir.resolve("network/port.md"));
            Files.delete(dir.resolve("network"));
            Files.delete(dir.resolve("disk.md"));
            Files.delete(dir);

            IndexStatus status = runbooks.reloadNow();

            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.lastError()).isPresent();
            assertThat(status.sections()).isPositive();
            assertThat(bestHeading(runbooks, "address already in use")).contains("network/port.md#Port already in use");
        }
    }

    @Test
    void queriesDuringTwentySwapsNeverFail() throws Exception {
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        try (ReloadingRunbooks runbooks = ReloadingRunbooks.open(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        try {
                            if (bestHeading(runbooks, "address already in use").isEmpty()) {
                                throw new AssertionError("no hit during a swap");
                            }
                            answered.incrementAndGet();
                            // a query about every millisecond per thread, not a busy loop: four spinning
                            // threads on a 2-core machine starved the reloads (20 swaps took 5 s of both cores)
                            LockSupport.parkNanos(1_000_000);
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (int i = 0; i < 20; i++) {
                Files.writeString(dir.resolve("disk.md"), DISK.replace("archives", "archives " + i));
                assertThat(runbooks.reloadNow().lastError()).isEmpty();
            }
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertThat(runbooks.status().succeeded()).isEqualTo(21);
        }
        assertThat(errors).isEmpty();
        assertThat(answered.get()).isPositive();
    }

    @Test
    void requestsDuringAReloadCoalesceIntoOneMoreRun() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<Path, IndexedRunbooks> slowOpener = d -> {
            if (opens.incrementAndGet() == 2) {
                entered.countDown();
                await(release);
            }
            return IndexedRunbooks.open(d);
        };
        try (ReloadingRunbooks runbooks = new ReloadingRunbooks(dir, slowOpener, Clock.systemUTC())) {
            CompletableFuture<IndexStatus> first = runbooks.requestReload();
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<IndexStatus>> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                later.add(runbooks.requestReload());
            }
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).succeeded()).isEqualTo(2);
            for (CompletableFuture<IndexStatus> f : later) {
                assertThat(f.get(10, TimeUnit.SECONDS).succeeded()).isEqualTo(3);
            }
            assertThat(opens.get()).isEqualTo(3);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void readsUtf8WithoutSurprises() throws IOException {
        assertThat(Files.readString(dir.resolve("disk.md"), StandardCharsets.UTF_8))
                .startsWith("# Disk");
    }
}
