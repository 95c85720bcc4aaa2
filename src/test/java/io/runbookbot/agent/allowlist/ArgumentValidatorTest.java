package io.runbookbot.agent.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgumentValidatorTest {

    private static final Allowlist ALLOWLIST = AllowlistLoader.parse("""
            version: 1
            commands:
              - id: listening-port
                description: d
                argv: [ss, -ltnp, "sport = :{port}"]
                params:
                  port: {type: integer, min: 1, max: 65535}
                read_only: true
              - id: health
                description: d
                argv: [curl, "http://127.0.0.1:{port}{path}"]
                params:
                  port: {type: integer, min: 1, max: 65535}
                  path: {type: pattern, pattern: "/[a-z0-9/]{0,20}"}
                read_only: true
              - id: journal-since
                description: d
                argv: [journalctl, -u, "{unit}", --since, "{since}"]
                params:
                  unit: {type: pattern, pattern: "[a-z-]+"}
                  since: {type: enum, values: ["1 hour ago", today]}
                read_only: true
              - id: disk
                description: d
                argv: [df, -h]
                read_only: true
            """, "test");

    private static Validation validate(String id, Map<String, String> params) {
        return ArgumentValidator.validate(ALLOWLIST, id, params);
    }

    private static String reason(Validation validation) {
        assertThat(validation).isInstanceOf(Validation.Rejected.class);
        return ((Validation.Rejected) validation).reason();
    }

    @Test
    void substitutesAValueInsideAnArgument() {
        assertThat(validate("listening-port", Map.of("port", "8000")))
                .isEqualTo(new Validation.Accepted(List.of("ss", "-ltnp", "sport = :8000")));
    }

    @Test
    void substitutesTwoPlaceholdersInOneArgument() {
        assertThat(validate("health", Map.of("port", "18180", "path", "/v1/health")))
                .isEqualTo(new Validation.Accepted(List.of("curl", "http://127.0.0.1:18180/v1/health")));
    }

    @Test
    void passesAListedEnumValueWithSpacesAsOneArgument() {
        assertThat(validate("journal-since", Map.of("unit", "stemedb-api", "since", "1 hour ago")))
                .isEqualTo(
                        new Validation.Accepted(List.of("journalctl", "-u", "stemedb-api", "--since", "1 hour ago")));
    }

    @Test
    void acceptsAnEntryWithoutParams() {
        assertThat(validate("disk", Map.of())).isEqualTo(new Validation.Accepted(List.of("df", "-h")));
    }

    @Test
    void refusesIntegersWithLeadingZerosOrSignsWithAReason() {
        assertThat(validate("listening-port", Map.of("port", "8000")))
                .isEqualTo(new Validation.Accepted(List.of("ss", "-ltnp", "sport = :8000")));
        assertThat(reason(validate("listening-port", Map.of("port", "08000"))))
                .isEqualTo("port: must be an integer from 1 to 65535 without leading zeros, got \"08000\"");
        assertThat(reason(validate("listening-port", Map.of("port", "00"))))
                .isEqualTo("port: must be an integer from 1 to 65535 without leading zeros, got \"00\"");
        for (String trick : List.of("+80", "-0", "8_0", "0x50", "80 ", "٨٠", "1e2", "80.0")) {
            assertThat(reason(validate("listening-port", Map.of("port", trick))))
                    .as(trick)
                    .startsWith("port: ");
        }
    }

    @Test
    void refusesAnUnknownCommand() {
        assertThat(reason(validate("rm-rf", Map.of())))
                .isEqualTo("unknown command \"rm-rf\": it is not in the allowlist");
    }

    @Test
    void refusesAnUnknownParameterAndListsTheAcceptedOnes() {
        assertThat(reason(validate("health", Map.of("port", "80", "path", "/", "host", "evil"))))
                .isEqualTo("unknown parameter \"host\" for health (accepted: port, path)");
    }

    @Test
    void refusesAnyParameterForAnEntryWithoutParams() {
        assertThat(reason(validate("disk", Map.of("path", "/"))))
                .isEqualTo("unknown parameter \"path\" for disk (accepted: none)");
    }

    @Test
    void refusesAMissingParameterAndSaysWhatItTakes() {
        assertThat(reason(validate("health", Map.of("port", "80"))))
                .isEqualTo(
                        "missing parameter path for health (text matching /[a-z0-9/]{0,20} (at most 256 characters))");
    }

    @Test
    void refusesAnIntegerOutOfRange() {
        assertThat(reason(validate("listening-port", Map.of("port", "65536"))))
                .isEqualTo("port: must be an integer from 1 to 65535, got \"65536\"");
    }

    @Test
    void refusesAValueThatDoesNotMatchThePattern() {
        assertThat(reason(validate("health", Map.of("port", "80", "path", "/Health"))))
                .isEqualTo("path: \"/Health\" does not match /[a-z0-9/]{0,20}");
    }

    @Test
    void refusesAnEnumValueNotListed() {
        assertThat(reason(validate("journal-since", Map.of("unit", "x", "since", "1 year ago"))))
                .isEqualTo("since: \"1 year ago\" is not one of: 1 hour ago, today");
    }

    @Test
    void echoesAtMostFortyCharactersOfAHostileValue() {
        String hostile = "a".repeat(30) + "B".repeat(200);

        String reason = reason(validate("journal-since", Map.of("unit", hostile, "since", "today")));

        assertThat(reason)
                .isEqualTo("unit: \"" + "a".repeat(30) + "B".repeat(10) + "\"…(190 more) does not match" + " [a-z-]+");
    }

    @Test
    void escapesAControlCharacterInsteadOfEchoingIt() {
        assertThat(reason(validate("journal-since", Map.of("unit", "x\u001b[2J", "since", "today"))))
                .isEqualTo("unit: contains a control character (\\u001b)");
    }

    @Test
    void checksParamsOfAnotherParamSpecImplementationWithTheStrictSharedChecks() {
        ParamSpec lenient = new ParamSpec() {
            @Override
            public String name() {
                return "word";
            }

            @Override
            public Optional<String> reject(String value) {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "anything";
            }
        };
        CommandSpec spec = new CommandSpec(
                "custom",
                "d",
                List.of("echo", "{word}"),
                Map.of("word", lenient),
                java.time.Duration.ofSeconds(1),
                1024,
                true,
                List.of(),
                Access.NOBODY);

        assertThat(reason(ArgumentValidator.validate(spec, Map.of("word", "a;b"))))
                .isEqualTo("word: contains a character that is not allowed (;)");
        assertThat(ArgumentValidator.validate(spec, Map.of("word", "ab")))
                .isEqualTo(new Validation.Accepted(List.of("echo", "ab")));
    }

    @Test
    void resolvesARelativePathAgainstTheFolderWhereTheFileExists(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b/logs"));
        Files.writeString(second.resolve("api.log"), "x");
        PathParam file = ParamSpec.path("file", "logs", List.of(first, second));

        assertThat(file.resolve("api.log")).contains(second.toRealPath().resolve("api.log"));
        assertThat(file.resolve("other.log")).contains(first.toRealPath().resolve("other.log"));
    }

    @Test
    void acceptsAFileThatDoesNotExistYetWhenItIsInsideTheRoot(@TempDir Path dir) throws Exception {
        PathParam file = ParamSpec.path("file", "logs", List.of(dir.resolve("logs")));

        assertThat(file.reject(dir.resolve("logs/app/today.log").toString())).isEmpty();
        assertThat(file.resolve("app/today.log")).contains(dir.toRealPath().resolve("logs/app/today.log"));
    }

    @Test
    void followsASymlinkThatStaysInsideTheRoot(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path target = Files.writeString(logs.resolve("app-2024.log"), "x");
        Files.createSymbolicLink(logs.resolve("app.log"), target);
        PathParam file = ParamSpec.path("file", "logs", List.of(logs));

        assertThat(file.resolve(logs.resolve("app.log").toString())).contains(target.toRealPath());
    }

    @Test
    void refusesASymlinkLeadingOutOfTheRoot(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path secret = Files.writeString(dir.resolve("secret"), "x");
        Files.createSymbolicLink(logs.resolve("app.log"), secret);
        PathParam file = ParamSpec.path("file", "logs", List.of(logs));

        assertThat(file.reject("app.log"))
                .contains("file: \"app.log\" leads outside root logs (" + logs + ") through a symbolic link");
    }

    @Test
    void refusesAPathOutsideTheRoot() {
        PathParam file = ParamSpec.path("file", "logs", List.of(Path.of("/var/log")));

        assertThat(file.reject("/etc/passwd")).contains("file: \"/etc/passwd\" is not inside root logs (/var/log)");
    }

    @Test
    void refusesDotDotEvenWhenItWouldStayInsideTheRoot() {
        PathParam file = ParamSpec.path("file", "logs", List.of(Path.of("/var/log")));

        assertThat(file.reject("/var/log/nginx/../syslog")).contains("file: must not contain '..'");
    }

    @Test
    void substitutesEachPlaceholderOnceSoAValueIsNeverExpandedAgain() {
        assertThat(Placeholders.substitute("{a}-{b}", Map.of("a", "{b}", "b", "x")))
                .isEqualTo("{b}-x");
        assertThat(Placeholders.names("ss 'sport = :{port}' {{.Names}} {port}")).containsExactly("port");
    }

    @Test
    void echoQuotesEscapesAndCuts() {
        assertThat(Echo.quote("a\nb\u202ec\"d\\")).isEqualTo("\"a\\nb\\u202ec\\\"d\\\\\"");
        assertThat(Echo.quote("x".repeat(45))).isEqualTo("\"" + "x".repeat(40) + "\"…(5 more)");
    }
}
