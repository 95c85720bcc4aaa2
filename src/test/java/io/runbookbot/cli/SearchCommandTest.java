package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runbook-bot search --jsonl}: JSON Lines in on stdin, one result line per input line out. */
class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_MANY_CLIENTS =
            "{\"id\":\"q1\",\"question\":\"FATAL: sorry, too many clients already\"}";
    private static final String PORT_IN_USE = "{\"id\":2,\"question\":\"OSError: [Errno 98] Address already in use\"}";
    private static final String WIREGUARD =
            "{\"id\":\"q3\",\"question\":\"wireguard tunnel handshake ok but no traffic\"}";

    private static CliRun search(String... lines) {
        return CliRun.withStdin(
                String.join("\n", lines) + "\n", "search", "--jsonl", "--runbooks", RunbookFixture.RUNBOOKS);
    }

    private static List<JsonNode> results(CliRun run) {
        return run.outLines().stream().map(SearchCommandTest::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    @Test
    void writesOneLinePerQuestionInInputOrder() {
        List<JsonNode> results = results(search(TOO_MANY_CLIENTS, PORT_IN_USE, WIREGUARD));

        assertThat(results).extracting(r -> r.get("id").asText()).containsExactly("q1", "2", "q3");
    }

    @Test
    void echoesStringIdsAsStrings() {
        JsonNode id = results(search(TOO_MANY_CLIENTS)).get(0).get("id");

        assertThat(id.isTextual()).isTrue();
        assertThat(id.textValue()).isEqualTo("q1");
    }

    @Test
    void echoesNumericIdsAsNumbers() {
        JsonNode id = results(search(PORT_IN_USE)).get(0).get("id");

        assertThat(id.isInt()).isTrue();
        assertThat(id.intValue()).isEqualTo(2);
    }

    @Test
    void resultHasExactlyIdAnsweredAndMatches() {
        assertThat(results(search(TOO_MANY_CLIENTS)).get(0).fieldNames())
                .toIterable()
                .containsExactly("id", "answered", "matches");
    }

    @Test
    void matchHasExactlyLocationFieldsAndScoreButNoText() {
        for (JsonNode match : results(search(TOO_MANY_CLIENTS)).get(0).get("matches")) {
            assertThat(match.fieldNames())
                    .toIterable()
                    .containsExactly("file", "heading", "path", "line", "end_line", "score");
        }
    }

    @Test
    void bestMatchPointsAtTheAnsweringSection() {
        JsonNode best = results(search(TOO_MANY_CLIENTS)).get(0).get("matches").get(0);

        assertThat(best.get("file").asText()).isEqualTo("troubleshooting-guide.md");
        assertThat(best.get("heading").asText()).isEqualTo("Too Many Connections");
        assertThat(best.get("path"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Troubleshooting Guide",
                        "Database Connection Issues",
                        "Common Causes & Solutions",
                        "Too Many Connections");
        assertThat(best.get("line").intValue()).isEqualTo(131);
        assertThat(best.get("end_line").intValue()).isEqualTo(141);
    }

    @Test
    void listsTheTopFiveMatchesAtMost() {
        List<JsonNode> results = results(search(TOO_MANY_CLIENTS, PORT_IN_USE, WIREGUARD));

        assertThat(results).extracting(r -> r.get("matches").size()).containsExactly(5, 5, 5);
    }

    @Test
    void matchesAreSortedByScoreDescending() {
        JsonNode matches = results(search(PORT_IN_USE)).get(0).get("matches");

        assertThat(matches)
                .extracting(m -> m.get("score").doubleValue())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void reportsAnsweredPerQuestion() {
        List<JsonNode> results = results(search(TOO_MANY_CLIENTS, PORT_IN_USE, WIREGUARD));

        assertThat(results).extracting(r -> r.get("answered").booleanValue()).containsExactly(true, true, false);
    }

    @Test
    void exitsZeroWhenEveryLineIsAnswered() {
        assertThat(search(TOO_MANY_CLIENTS, WIREGUARD).exitCode()).isZero();
    }

    @Test
    void malformedLineGetsAnErrorLineWithNullId() {
        JsonNode result = results(search(TOO_MANY_CLIENTS, "this is not json", PORT_IN_USE))
                .get(1);

        assertThat(result.fieldNames()).toIterable().containsExactly("id", "error");
        assertThat(result.get("id").isNull()).isTrue();
        assertThat(result.get("error").asText()).startsWith("not a JSON object: ");
    }

    @Test
    void lineWithoutQuestionGetsAnErrorLineWithItsId() {
        JsonNode result = results(search("{\"id\":\"no-question\",\"text\":\"port in use\"}"))
                .get(0);

        assertThat(result.fieldNames()).toIterable().containsExactly("id", "error");
        assertThat(result.get("id").asText()).isEqualTo("no-question");
        assertThat(result.get("error").asText()).isEqualTo("missing \"question\" (a non-empty string)");
    }

    @Test
    void blankQuestionGetsAnErrorLine() {
        JsonNode result = results(search("{\"id\":4,\"question\":\"   \"}")).get(0);

        assertThat(result.get("error").asText()).isEqualTo("missing \"question\" (a non-empty string)");
    }

    @Test
    void linesAfterBadLinesAreStillAnswered() {
        List<JsonNode> results = results(search("this is not json", "{\"id\":\"no-question\"}", TOO_MANY_CLIENTS));

        assertThat(results).hasSize(3);
        assertThat(results.get(2).get("id").asText()).isEqualTo("q1");
        assertThat(results.get(2).get("answered").booleanValue()).isTrue();
    }

    @Test
    void exitsOneWhenAnyLineHadAnError() {
        assertThat(search(TOO_MANY_CLIENTS, "this is not json", PORT_IN_USE).exitCode())
                .isEqualTo(1);
    }

    @Test
    void skipsBlankInputLines() {
        assertThat(search(TOO_MANY_CLIENTS, "", "   ", PORT_IN_USE).outLines()).hasSize(2);
    }

    @Test
    void missingRunbookFolderExitsTwoWithAMessageNamingIt() {
        CliRun run = CliRun.withStdin(TOO_MANY_CLIENTS + "\n", "search", "--jsonl", "--runbooks", "/does/not/exist");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("runbook-bot: Runbook folder not found: ");
        assertThat(run.out()).isEmpty();
    }
}
