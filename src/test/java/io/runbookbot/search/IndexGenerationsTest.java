package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index swapping through Lucene's ReferenceManager: nothing closed under a search, nothing left open. */
class IndexGenerationsTest {
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final String PREFIX =
            "runbook-bot-index-" + ProcessHandle.current().pid() + "-";

    @TempDir
    Path dir;

    @BeforeEach
    void writeRunbook() throws IOException {
        Files.writeString(
                dir.resolve("disk.md"),
                "# Disk\n\n## Disk full\n\nCheck `df -h` when writes fail with " + "No space left on device.\n");
    }

    @Test
    void aSwappedOutIndexAnswersTheSearchHoldingItAndClosesWhenThatSearchEnds() throws IOException {
        IndexedRunbooks first = IndexedRunbooks.open(dir);
        IndexedRunbooks second = IndexedRunbooks.open(dir);
        try (IndexGenerations generations = new IndexGenerations(first)) {
            IndexedRunbooks held = generations.acquire();

            generations.swap(second);

            assertThat(generations.serves(second)).isTrue();
            assertThat(held.ask("disk full", 3).hits()).isNotEmpty();
            assertThat(first.refCount()).isEqualTo(1);
            generations.release(held);
            assertThat(first.refCount()).isZero();
            assertThat(second.refCount()).isEqualTo(1);
        }
        assertThat(second.refCount()).isZero();
    }

    @Test
    void anIndexSwappedInAfterCloseIsClosedAtOnce() throws IOException {
        IndexedRunbooks first = IndexedRunbooks.open(dir);
        IndexedRunbooks late = IndexedRunbooks.open(dir);
        IndexGenerations generations = new IndexGenerations(first);
        generations.close();

        assertThatThrownBy(() -> generations.swap(late)).isInstanceOf(AlreadyClosedException.class);
        assertThat(late.refCount()).isZero();
        assertThat(first.refCount()).isZero();
    }

    @Test
    void twentyReloadsAndCloseLeaveNoIndexOpenAndNoIndexFolderBehind() throws IOException {
        Set<Path> before = indexFolders();
        List<IndexedRunbooks> opened = new CopyOnWriteArrayList<>();
        try (ReloadingRunbooks runbooks = new ReloadingRunbooks(
                dir,
                d -> {
                    IndexedRunbooks index = IndexedRunbooks.open(d);
                    opened.add(index);
                    return index;
                },
                Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                assertThat(runbooks.reloadNow().lastError()).isEmpty();
                assertThat(runbooks.ask("disk full", 3).hits()).isNotEmpty();
            }
            assertThat(opened).hasSize(21);
            assertThat(opened.subList(0, 20))
                    .allSatisfy(index -> assertThat(index.refCount()).isZero());
        }
        assertThat(opened).allSatisfy(index -> assertThat(index.refCount()).isZero());
        Set<Path> left = indexFolders();
        left.removeAll(before);
        assertThat(left)
                .as("index folders created by this test and still there")
                .isEmpty();
    }

    private static Set<Path> indexFolders() throws IOException {
        Set<Path> folders = new HashSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(TEMP, PREFIX + "*")) {
            stream.forEach(folders::add);
        }
        return folders;
    }
}
