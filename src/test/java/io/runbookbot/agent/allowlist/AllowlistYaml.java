package io.runbookbot.agent.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The allowlist files the loader tests parse: a valid head plus the entry under test. */
final class AllowlistYaml {

    /** A valid file with one root ({@code logs}) and one entry ({@code first}, at commands[0]). */
    static final String HEAD = """
            version: 1
            roots:
              logs: [/var/log]
            commands:
              - id: first
                description: a valid entry before the one under test
                argv: [df, -h]
                read_only: true
            """;

    private AllowlistYaml() {}

    /** The file HEAD plus one entry (at commands[1]) given as indented YAML lines. */
    static Allowlist withEntry(String entry) {
        return AllowlistLoader.parse(HEAD + entry.stripIndent().indent(2), "allowlist.yaml");
    }

    /** The message of the {@link AllowlistException} that HEAD plus the entry is refused with. */
    static String loadError(String entry) {
        Throwable thrown = catchThrowable(() -> withEntry(entry));
        assertThat(thrown).isInstanceOf(AllowlistException.class);
        return thrown.getMessage();
    }
}
