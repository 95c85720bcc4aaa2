package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedFilesTest {
    @TempDir
    Path dir;

    @Test
    void theCommandGetsTheOpenedFileEvenWhenTheNameIsSwappedForALinkAfterwards() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "harmless\n");
        Path secret = Files.writeString(dir.resolve("secret"), "SECRET\n");
        try (PinnedFiles pinned = PinnedFiles.open(List.of(log.toRealPath()))) {
            String path = pinned.pathOf(log.toRealPath());
            Path link = Files.createSymbolicLink(dir.resolve("link"), secret);
            Files.move(link, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            assertThat(path).matches("/proc/" + ProcessHandle.current().pid() + "/fd/[0-9]+");
            assertThat(Files.readString(Path.of(path))).isEqualTo("harmless\n");
        }
    }

    @Test
    void refusesAFileThatIsALinkNow() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "SECRET\n");
        Path log = Files.createSymbolicLink(dir.resolve("app.log"), secret);
        Path checked = dir.toRealPath().resolve("app.log");

        assertThatThrownBy(() -> PinnedFiles.open(List.of(checked)))
                .isInstanceOf(IOException.class)
                .hasMessage("not run: cannot open " + checked + " without following links (it is a symbolic link"
                        + " now)");
        assertThat(log).isSymbolicLink();
    }

    @Test
    void refusesAPathThroughAFolderThatIsALinkNow() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("app.log"), "SECRET\n");
        Files.createSymbolicLink(dir.resolve("logs"), outside);

        Path checked = dir.toRealPath().resolve("logs/app.log");
        assertThatThrownBy(() -> PinnedFiles.open(List.of(checked)))
                .hasMessageEndingWith("(a folder on its path is a symbolic link now)");
    }

    @Test
    void refusesAMissingFileAndAFolder() throws Exception {
        Path missing = dir.toRealPath().resolve("missing.log");
        assertThatThrownBy(() -> PinnedFiles.open(List.of(missing)))
                .hasMessage("not run: cannot open " + missing + " without following links (no such file)");
        assertThatThrownBy(() -> PinnedFiles.open(List.of(dir.toRealPath())))
                .hasMessageEndingWith("(it is not a regular file)");
    }
}
