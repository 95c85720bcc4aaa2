package io.runbookbot.agent.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistLoaderTest {

    private static final String HEAD = """
            version: 1
            roots:
              logs: [/var/log]
            commands:
              - id: first
                description: a valid entry before the one under test
                argv: [df, -h]
                read_only: true
            """;

    /** The file HEAD plus one entry (at commands[1]) given as indented YAML lines. */
    private static Allowlist withEntry(String entry) {
        return AllowlistLoader.parse(HEAD + entry.stripIndent().indent(2), "allowlist.yaml");
    }

    private static String loadError(String entry) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> withEntry(entry));
        assertThat(thrown).isInstanceOf(AllowlistException.class);
        return thrown.getMessage();
    }

    @Test
    void parsesEveryFieldOfAnEntry() {
        Allowlist allowlist = AllowlistLoader.parse("""
                version: 1
                access: {users: [U1], roles: [oncall], channels: [C9]}
                roots:
                  logs: [/var/log, /srv/app/logs]
                commands:
                  - id: listening-port
                    description: Which process listens on a TCP port
                    argv: [ss, -ltnp, "sport = :{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    timeout: 5s
                    output_cap: 64KiB
                    read_only: true
                    recognizes: ["lsof -i :{port}"]
                    access: {roles: [sre]}
                """, "allowlist.yaml");

        CommandSpec spec = allowlist.find("listening-port").orElseThrow();
        assertThat(allowlist.source()).isEqualTo("allowlist.yaml");
        assertThat(allowlist.access()).isEqualTo(new Access(List.of("U1"), List.of("oncall"), List.of("C9")));
        assertThat(spec.description()).isEqualTo("Which process listens on a TCP port");
        assertThat(spec.argv()).containsExactly("ss", "-ltnp", "sport = :{port}");
        assertThat(spec.params()).containsOnlyKeys("port");
        assertThat(spec.params().get("port")).isEqualTo(new IntegerParam("port", 1, 65535));
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.outputCap()).isEqualTo(65536);
        assertThat(spec.readOnly()).isTrue();
        assertThat(spec.recognizes()).containsExactly("lsof -i :{port}");
        assertThat(spec.access()).isEqualTo(new Access(List.of(), List.of("sre"), List.of()));
    }

    @Test
    void appliesDefaultsForTimeoutOutputCapAndAccess() {
        CommandSpec spec = withEntry("""
                - id: plain
                  description: d
                  argv: [free, -m]
                  read_only: false
                """).find("plain").orElseThrow();

        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.outputCap()).isEqualTo(64 * 1024);
        assertThat(spec.access()).isEqualTo(Access.NOBODY);
        assertThat(spec.readOnly()).isFalse();
    }

    @Test
    void parsesEachParamType() {
        CommandSpec spec = withEntry("""
                - id: typed
                  description: d
                  argv: [tool, "{p}", "{e}", "{i}", "{f}"]
                  params:
                    p: {type: pattern, pattern: "[a-z]+", max_length: 10}
                    e: {type: enum, values: [a, "b c"]}
                    i: {type: integer, min: 0, max: 9}
                    f: {type: path, root: logs}
                  read_only: true
                """).find("typed").orElseThrow();

        assertThat(spec.params().values())
                .extracting(ParamSpec::describe)
                .containsExactly(
                        "text matching [a-z]+ (at most 10 characters)",
                        "one of: a, b c",
                        "integer 0-9",
                        "path inside logs (/var/log)");
    }

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
    void unknownEntryKeyLikeReadDashOnlyIsRefusedWithAHint() {
        assertThat(loadError("""
                - id: typo
                  description: d
                  argv: [df]
                  read_only: true
                  read-only: false
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"typo\"): read-only: unknown key, did you mean"
                        + " read_only? (known: access, argv, description, id, output_cap, params, read_only, recognizes,"
                        + " timeout)");
    }

    @Test
    void readOnlyIsRequired() {
        assertThat(loadError("""
                - id: no-flag
                  description: d
                  argv: [df]
                """)).isEqualTo("allowlist.yaml: commands[1] (id \"no-flag\"): read_only: is required");
    }

    @Test
    void readOnlyMustBeABoolean() {
        assertThat(loadError("""
                - id: flag
                  description: d
                  argv: [df]
                  read_only: "yes"
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"flag\"): read_only: must be true or false,"
                        + " got the string \"yes\"");
    }

    @Test
    void duplicateIdNamesBothEntries() {
        assertThat(loadError("""
                - id: first
                  description: d
                  argv: [df]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"first\"): id: duplicate of commands[0]");
    }

    @Test
    void idMustMatchTheSyntax() {
        assertThat(loadError("""
                - id: Disk_Usage
                  description: d
                  argv: [df]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1]: id: \"Disk_Usage\" must match [a-z0-9][a-z0-9-]{0,63}");
    }

    @Test
    void idIsRequired() {
        assertThat(loadError("""
                - description: d
                  argv: [df]
                  read_only: true
                """)).isEqualTo("allowlist.yaml: commands[1]: id: is required");
    }

    @Test
    void descriptionIsRequired() {
        assertThat(loadError("""
                - id: nodesc
                  argv: [df]
                  read_only: true
                """)).isEqualTo("allowlist.yaml: commands[1] (id \"nodesc\"): description: is required");
    }

    @Test
    void argvMustNotBeEmpty() {
        assertThat(loadError("""
                - id: empty
                  description: d
                  argv: []
                  read_only: true
                """)).isEqualTo("allowlist.yaml: commands[1] (id \"empty\"): argv: must not be empty");
    }

    @Test
    void programMustBeAbsoluteOrBare() {
        assertThat(loadError("""
                - id: relative
                  description: d
                  argv: [./bin/tool]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"relative\"): argv[0]: \"./bin/tool\" must be an"
                        + " absolute normalized path or a bare program name (no '/', '..', spaces)");
    }

    @Test
    void programPathWithDotDotIsRefused() {
        assertThat(loadError("""
                - id: dotdot
                  description: d
                  argv: [/usr/bin/../../tmp/x]
                  read_only: true
                """))
                .startsWith("allowlist.yaml: commands[1] (id \"dotdot\"): argv[0]: \"/usr/bin/../../tmp/x\" must be");
    }

    @Test
    void programMustNotBeAPlaceholder() {
        assertThat(loadError("""
                - id: anyprog
                  description: d
                  argv: ["{prog}"]
                  params:
                    prog: {type: enum, values: [df]}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"anyprog\"): argv[0]: the program must be fixed,"
                        + " not a placeholder: \"{prog}\"");
    }

    @Test
    void shellAsProgramIsRefused() {
        assertThat(loadError("""
                - id: shell
                  description: d
                  argv: [/bin/sh, -c, "df -h"]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"shell\"): argv[0]: \"/bin/sh\" is a shell,"
                        + " interpreter or command launcher; an entry must name the program it runs");
    }

    @Test
    void launcherAsProgramIsRefused() {
        assertThat(loadError("""
                - id: launcher
                  description: d
                  argv: [env, df]
                  read_only: true
                """))
                .contains("(id \"launcher\"): argv[0]: \"env\" is a shell, interpreter or command launcher");
    }

    @Test
    void placeholderWithoutParamIsRefused() {
        assertThat(loadError("""
                - id: disk-usage
                  description: d
                  argv: [du, -sh, "{path}"]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"disk-usage\"): argv[2]: placeholder {path} has no param");
    }

    @Test
    void paramNotUsedInArgvIsRefused() {
        assertThat(loadError("""
                - id: unused
                  description: d
                  argv: [df]
                  params:
                    port: {type: integer, min: 1, max: 2}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"unused\"): params.port: is not used in argv");
    }

    @Test
    void unknownParamTypeIsRefused() {
        assertThat(loadError("""
                - id: badtype
                  description: d
                  argv: [x, "{n}"]
                  params:
                    n: {type: int, min: 1, max: 2}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"badtype\"): params.n.type: unknown type \"int\""
                        + " (known: pattern, enum, integer, path)");
    }

    @Test
    void keyOfAnotherParamTypeIsRefused() {
        assertThat(loadError("""
                - id: mixed
                  description: d
                  argv: [x, "{n}"]
                  params:
                    n: {type: integer, min: 1, max: 2, pattern: "[0-9]"}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"mixed\"): params.n.pattern: unknown key (known: max,"
                        + " min, type)");
    }

    @Test
    void regexThatDoesNotCompileIsRefused() {
        assertThat(loadError("""
                - id: badregex
                  description: d
                  argv: [x, "{name}"]
                  params:
                    name: {type: pattern, pattern: "[a-z"}
                  read_only: true
                """))
                .startsWith("allowlist.yaml: commands[1] (id \"badregex\"): params.name.pattern: does not compile:");
    }

    @Test
    void patternMaxLengthMustBeWithinLimits() {
        assertThat(loadError("""
                - id: toolong
                  description: d
                  argv: [x, "{name}"]
                  params:
                    name: {type: pattern, pattern: "[a-z]+", max_length: 1000}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"toolong\"): params.name.max_length: must be from 1"
                        + " to 256, got 1000");
    }

    @Test
    void integerMinMustNotExceedMax() {
        assertThat(loadError("""
                - id: range
                  description: d
                  argv: [x, "{n}"]
                  params:
                    n: {type: integer, min: 10, max: 1}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"range\"): params.n.max: must be >= min (10), got 1");
    }

    @Test
    void integerBoundsAreRequired() {
        assertThat(loadError("""
                - id: nobounds
                  description: d
                  argv: [x, "{n}"]
                  params:
                    n: {type: integer, min: 1}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"nobounds\"): params.n.max: is required");
    }

    @Test
    void enumValueStartingWithDashIsRefused() {
        assertThat(loadError("""
                - id: dashenum
                  description: d
                  argv: [x, "{mode}"]
                  params:
                    mode: {type: enum, values: [fast, --delete]}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"dashenum\"): params.mode.values[1]: \"--delete\" must"
                        + " not start with '-' and must be at most 256 characters");
    }

    @Test
    void pathParamRootMustBeDeclared() {
        assertThat(loadError("""
                - id: tail-log
                  description: d
                  argv: [tail, "{file}"]
                  params:
                    file: {type: path, root: logz}
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"tail-log\"): params.file.root: unknown root \"logz\""
                        + " (roots: logs)");
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

    @Test
    void timeoutNeedsAUnit() {
        assertThat(loadError("""
                - id: nounit
                  description: d
                  argv: [df]
                  timeout: 5
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"nounit\"): timeout: must be a number with a unit ms,"
                        + " s or m (e.g. 5s), got 5");
    }

    @Test
    void timeoutMustBeFromOneSecondToFiveMinutes() {
        assertThat(loadError("""
                - id: slow
                  description: d
                  argv: [df]
                  timeout: 6m
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"slow\"): timeout: must be from 1s to 5m, got 6m");
        assertThat(loadError("""
                - id: quick
                  description: d
                  argv: [df]
                  timeout: 500ms
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"quick\"): timeout: must be from 1s to 5m, got 500ms");
    }

    @Test
    void outputCapMustBeAtLeastOneKib() {
        assertThat(loadError("""
                - id: tiny
                  description: d
                  argv: [df]
                  output_cap: 512B
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"tiny\"): output_cap: must be at least 1KiB, got 512B");
    }

    @Test
    void outputCapAboveWhatTheBotReceivesIsRefusedNamingFileEntryAndField() {
        assertThat(loadError("""
                - id: huge
                  description: d
                  argv: [df]
                  output_cap: 1MiB
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"huge\"): output_cap: 1MiB is more than the bot will"
                        + " receive: a run answer holds stdout and stderr up to the cap each, JSON may write one byte as six,"
                        + " and the bot reads at most 8MiB of an answer; use at most 681KiB (697685 bytes)");
    }

    @Test
    void outputCapAtTheLargestTheBotReceivesLoads() {
        assertThat(withEntry("""
                - id: big
                  description: d
                  argv: [df]
                  output_cap: 681KiB
                  read_only: true
                """).find("big").orElseThrow().outputCap()).isEqualTo(681 * 1024);
    }

    @Test
    void outputCapUnitMustBeKnown() {
        assertThat(loadError("""
                - id: kb
                  description: d
                  argv: [df]
                  output_cap: 64KB
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"kb\"): output_cap: must be bytes, optionally with a"
                        + " unit B, KiB or MiB (e.g. 64KiB), got the string \"64KB\"");
    }

    @Test
    void outputCapAcceptsPlainBytes() {
        CommandSpec spec = withEntry("""
                - id: bytes
                  description: d
                  argv: [df]
                  output_cap: 4096
                  timeout: 1500ms
                  read_only: true
                """).find("bytes").orElseThrow();

        assertThat(spec.outputCap()).isEqualTo(4096);
        assertThat(spec.timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void recognizesMayOnlyUseDeclaredParams() {
        assertThat(loadError("""
                - id: port
                  description: d
                  argv: [ss, -ltnp, "sport = :{port}"]
                  params:
                    port: {type: integer, min: 1, max: 65535}
                  recognizes: ["lsof -i :{port}", "lsof -i :{prot}"]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"port\"): recognizes[1]: placeholder {prot} is not"
                        + " a declared param (params: port)");
    }

    @Test
    void unknownAccessKeyIsRefused() {
        assertThat(loadError("""
                - id: acc
                  description: d
                  argv: [df]
                  read_only: true
                  access: {role: [sre]}
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"acc\"): access.role: unknown key (known: channels,"
                        + " roles, users)");
    }

    @Test
    void controlCharacterInArgvIsRefused() {
        assertThat(loadError("""
                - id: ctl
                  description: d
                  argv: [df, "-h\\n"]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"ctl\"): argv[1]: contains a control character (\\n)");
    }

    @Test
    void commandsMustBeAList() {
        assertThatThrownBy(() -> AllowlistLoader.parse("version: 1\ncommands: {id: x}\n", "a.yaml"))
                .hasMessage("a.yaml: commands: must be a list, got a mapping");
    }
}
