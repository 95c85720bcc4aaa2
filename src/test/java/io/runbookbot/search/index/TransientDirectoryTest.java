package io.runbookbot.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.IOContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index folders left behind by killed processes are deleted by the next index, and only those. */
class TransientDirectoryTest {
    /** No process ever has this id. */
    private static final long DEAD = Long.MAX_VALUE;

    @TempDir
    Path temp;

    @Test
    void sweepDeletesTheFoldersOfProcessesThatAreGoneAndKeepsLiveAndUnknownOnes() throws IOException {
        Path dead = Files.createDirectories(temp.resolve("runbook-bot-index-" + DEAD + "-123"));
        Files.writeString(dead.resolve("_0.cfs"), "segment");
        Path live = Files.createDirectories(
                temp.resolve("runbook-bot-index-" + ProcessHandle.current().pid() + "-456"));
        Path legacy = Files.createDirectories(temp.resolve("runbook-bot-index-10010393969660840199"));
        Path unrelated = Files.createDirectories(temp.resolve("something-else-" + DEAD + "-1"));

        TransientDirectory.sweep(temp);

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(legacy).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aNewIndexFolderIsNamedAfterThisProcessAndIsGoneWhenClosed() throws IOException {
        Set<Path> before = ours();
        Path folder;
        try (TransientDirectory dir = TransientDirectory.create()) {
            Set<Path> created = new HashSet<>(ours());
            created.removeAll(before);
            assertThat(created).hasSize(1);
            folder = created.iterator().next();
            dir.createOutput("x", IOContext.DEFAULT).close();
            assertThat(folder.resolve("x")).exists();
        }
        assertThat(folder).doesNotExist();
    }

    private static Set<Path> ours() throws IOException {
        String prefix = "runbook-bot-index-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .collect(Collectors.toSet());
        }
    }
}
