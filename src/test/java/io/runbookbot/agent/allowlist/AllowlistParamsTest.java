package io.runbookbot.agent.allowlist;

import static io.runbookbot.agent.allowlist.AllowlistYaml.loadError;
import static io.runbookbot.agent.allowlist.AllowlistYaml.withEntry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An entry's params: the four types (pattern, enum, integer, path) and the checks on each. */
class AllowlistParamsTest {

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
}
