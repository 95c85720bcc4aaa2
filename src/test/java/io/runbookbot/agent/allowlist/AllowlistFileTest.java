package io.runbookbot.agent.allowlist;

import static io.runbookbot.agent.allowlist.AllowlistYaml.HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowlist file as a whole: reading it, its YAML, its version, top-level keys and roots. */
class AllowlistFileTest {

    @Test
    void loadsAFileAndNamesItAsSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, HEAD);

        Allowlist allowlist = AllowlistLoader.load(file);

        assertThat(allowlist.source()).isEqualTo(file.toString());
        assertThat(allowlist.commands()).extracting(CommandSpec::id).containsExactly("first");
        assertThat(Allowlist.load(file)).isEqualTo(allowlist);
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> AllowlistLoader.load(file))
                .isInstanceOf(AllowlistException.class)
                .hasMessageStartingWith(file + ": cannot read the allowlist");
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> AllowlistLoader.parse("version: 1\ncommands: [\n  - {id: x\n", "a.yaml"))
                .isInstanceOf(AllowlistException.class)
                .hasMessageStartingWith("a.yaml: not valid YAML (line ");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> AllowlistLoader.parse("", "a.yaml"))
                .hasMessage("a.yaml: must be a mapping with version, commands (and optionally access, roots), "
                        + "got an empty file");
    }

    @Test
    void versionMustBeOne() {
        assertThatThrownBy(() -> AllowlistLoader.parse(HEAD.replace("version: 1", "version: 2"), "a.yaml"))
                .hasMessage("a.yaml: version: must be 1, got 2");
    }

    @Test
    void versionIsRequired() {
        assertThatThrownBy(() -> AllowlistLoader.parse(HEAD.replace("version: 1\n", ""), "a.yaml"))
                .hasMessage("a.yaml: version: is required");
    }

    @Test
    void unknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> AllowlistLoader.parse("verison: 1\n" + HEAD, "a.yaml"))
                .hasMessage("a.yaml: verison: unknown key (known: access, commands, roots, version)");
    }

    @Test
    void duplicateYamlKeyIsRefused() {
        assertThatThrownBy(() -> AllowlistLoader.parse("version: 1\nversion: 1\ncommands: []\n", "a.yaml"))
                .hasMessageStartingWith("a.yaml: not valid YAML")
                .hasMessageContaining("Duplicate field 'version'");
    }

    @Test
    void commandsMustBeAList() {
        assertThatThrownBy(() -> AllowlistLoader.parse("version: 1\ncommands: {id: x}\n", "a.yaml"))
                .hasMessage("a.yaml: commands: must be a list, got a mapping");
    }

    @Test
    void rootFolderMustBeAbsolute() {
        assertThatThrownBy(() -> AllowlistLoader.parse(HEAD.replace("[/var/log]", "[var/log]"), "a.yaml"))
                .hasMessage("a.yaml: roots.logs[0]: \"var/log\" must be an absolute folder other than /, without '.'"
                        + " or '..'");
    }

    @Test
    void rootFolderMustNotBeTheFilesystemRoot() {
        assertThatThrownBy(() -> AllowlistLoader.parse(HEAD.replace("[/var/log]", "[/]"), "a.yaml"))
                .hasMessageStartingWith("a.yaml: roots.logs[0]: \"/\" must be an absolute folder other than /");
    }

    @Test
    void rootFolderWithDotDotIsRefused() {
        assertThatThrownBy(() -> AllowlistLoader.parse(HEAD.replace("[/var/log]", "[/var/log/../..]"), "a.yaml"))
                .hasMessageStartingWith("a.yaml: roots.logs[0]: \"/var/log/../..\" must be an absolute folder");
    }
}
