package io.runbookbot.agent.allowlist;

import static io.runbookbot.agent.allowlist.AllowlistYaml.loadError;
import static io.runbookbot.agent.allowlist.AllowlistYaml.withEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One command entry: its fields, their defaults, and the errors naming the entry and field. */
class AllowlistEntryTest {

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
}
