package io.runbookbot.search.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLoaderTest {
    @TempDir
    Path dir;

    private final RunbookLoader loader = new RunbookLoader();

    private void write(String relative, String content) throws IOException {
        write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String relative, byte[] content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Test
    void loadsRunbooksRecursivelyInPathOrderWithSlashSeparators() throws IOException {
        write("z.md", "# Z\n");
        write("db/postgres/replication-lag.md", "# Replication lag\n");
        write("db/disk.md", "# Disk\n");

        assertThat(loader.load(dir).runbooks())
                .extracting(Runbook::file)
                .containsExactly("db/disk.md", "db/postgres/replication-lag.md", "z.md");
    }

    @Test
    void hiddenFoldersAndFilesAreSkipped() throws IOException {
        write(".git/notes.md", "# Git internals\n");
        write("team/.drafts/wip.md", "# WIP\n");
        write(".hidden.md", "# Hidden\n");
        write("team/on-call.md", "# On call\n");

        LoadResult result = loader.load(dir);

        assertThat(result.runbooks()).extracting(Runbook::file).containsExactly("team/on-call.md");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void textAndMarkdownExtensionsInAnyCaseAreIncludedAndOthersIgnored() throws IOException {
        write("a.markdown", "# A\n");
        write("b.txt", "# B\n");
        write("c.MD", "# C\n");
        write("d.json", "{\"title\": \"D\"}");
        write("e.md.bak", "# E\n");

        assertThat(loader.load(dir).runbooks())
                .extracting(Runbook::file)
                .containsExactly("a.markdown", "b.txt", "c.MD");
    }

    @Test
    void nonUtf8FileIsSkippedByNameWhileTheOthersLoad() throws IOException {
        write("good.md", "# Good\n");
        write("latin1.md", "# Caf\u00e9 down\n".getBytes(StandardCharsets.ISO_8859_1));
        write("more/also-good.md", "# Also good\n");

        LoadResult result = loader.load(dir);

        assertThat(result.runbooks()).extracting(Runbook::file).containsExactly("good.md", "more/also-good.md");
        assertThat(result.skipped()).extracting(SkippedFile::file).containsExactly("latin1.md");
        assertThat(result.skipped().get(0).reason()).contains("UTF-8");
    }

    @Test
    void byteOrderMarkIsStripped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "# Title\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        write("bom.md", content);

        Runbook runbook = loader.load(dir).runbooks().get(0);

        assertThat(runbook.lines()).containsExactly("# Title");
        assertThat(runbook.title()).isEqualTo("Title");
    }

    @Test
    void emptyFilesAreCountedNotLoaded() throws IOException {
        write("empty.md", "");
        write("blank.txt", " \n\n");
        write("real.md", "# Real\n");

        LoadResult result = loader.load(dir);

        assertThat(result.empty()).isEqualTo(2);
        assertThat(result.runbooks()).extracting(Runbook::file).containsExactly("real.md");
    }

    @Test
    void missingFolderIsAUserFacingErrorNamingIt() {
        Path missing = dir.resolve("no-such-runbooks");

        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no-such-runbooks");
    }

    @Test
    void fileInsteadOfFolderIsAUserFacingErrorNamingIt() throws IOException {
        write("runbook.md", "# R\n");

        assertThatThrownBy(() -> loader.load(dir.resolve("runbook.md")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("runbook.md")
                .hasMessageContaining("not a directory");
    }

    @Test
    void skipsLinksWhoseTargetIsOutsideTheFolderAndNamesTheTarget(@TempDir Path outside) throws IOException {
        write("a.md", "# A\n");
        Files.writeString(outside.resolve("secret.md"), "# Secret\n");
        Files.createSymbolicLink(dir.resolve("passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("secret.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(dir.resolve("out"), outside);

        LoadResult loaded = loader.load(dir);

        assertThat(loaded.runbooks()).extracting(Runbook::file).containsExactly("a.md");
        assertThat(loaded.skipped()).extracting(SkippedFile::file).containsExactly("out", "passwd.md", "secret.md");
        assertThat(loaded.skipped().get(1).reason()).isEqualTo("link to /etc/passwd, outside the runbook folder");
    }

    @Test
    void followsLinksThatStayInsideTheFolderAndSurvivesLinkLoops() throws IOException {
        write("db/disk.md", "# Disk\n");
        Files.createSymbolicLink(dir.resolve("disk-link.md"), Path.of("db/disk.md"));
        Files.createSymbolicLink(dir.resolve("db/up"), Path.of(".."));

        LoadResult loaded = loader.load(dir);

        assertThat(loaded.runbooks()).extracting(Runbook::file).containsExactly("db/disk.md", "disk-link.md");
        assertThat(loaded.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("link loop"));
    }

    @Test
    void skipsAFileLargerThanTheCapUnreadWithItsSize() throws IOException {
        write("a.md", "# A\n");
        write("big.md", "# Big\n" + "x".repeat(2_000));

        LoadResult loaded = RunbookLoader.withMaxFileBytes(1_000).load(dir);

        assertThat(loaded.runbooks()).extracting(Runbook::file).containsExactly("a.md");
        assertThat(loaded.skipped())
                .containsExactly(new SkippedFile("big.md", "too large: 2006 bytes (the limit is 1000 bytes)"));
    }

    @Test
    void aFileReplacedByALinkAfterTheWalkIsNotReadThroughIt(@TempDir Path outside) throws IOException {
        write("a.md", "# A\n");
        write("sub/b.md", "# B\n");
        Files.writeString(outside.resolve("a.md"), "# Secret\n");
        Files.writeString(outside.resolve("b.md"), "# Secret\n");
        RunbookFiles.Listing listing = RunbookFiles.list(dir);
        Files.delete(dir.resolve("a.md"));
        Files.createSymbolicLink(dir.resolve("a.md"), outside.resolve("a.md"));
        Files.delete(dir.resolve("sub/b.md"));
        Files.delete(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub"), outside);

        for (RunbookFiles.Entry entry : listing.files()) {
            assertThatThrownBy(() -> loader.read(entry))
                    .as(entry.relative())
                    .isInstanceOf(RunbookLoader.OutsideFolderException.class);
        }
    }
}
