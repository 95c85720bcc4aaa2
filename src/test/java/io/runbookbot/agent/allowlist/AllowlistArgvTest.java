package io.runbookbot.agent.allowlist;

import static io.runbookbot.agent.allowlist.AllowlistYaml.loadError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An entry's argv: a fixed program that is no shell or launcher, and placeholders that name params. */
class AllowlistArgvTest {

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
    void controlCharacterInArgvIsRefused() {
        assertThat(loadError("""
                - id: ctl
                  description: d
                  argv: [df, "-h\\n"]
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"ctl\"): argv[1]: contains a control character (\\n)");
    }
}
