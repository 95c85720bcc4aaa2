package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.allowlist.AllowlistLoader;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import io.runbookbot.fakes.SlackSigner;
import io.runbookbot.slack.SlackFrontEnd;
import io.runbookbot.slack.SlackSettings;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the Slack run form and the Share button of a run's output, through the real Slack
 * HTTP endpoint (real Bolt, signed requests on 127.0.0.1), the real engine and a real allowlist,
 * against a fake Slack Web API.
 */
class SlackRunFormSecurityIT {
    private static final String SECRET = "form-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logs;

    private FakeSlack slack;
    private SlackPayloads payloads;
    private SlackFrontEnd frontEnd;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(logs.resolve("app.log"), "ok\n");
        Path outside = Files.createTempFile("secret", ".txt");
        Files.createSymbolicLink(logs.resolve("escape.log"), outside);
        String yaml = """
                version: 1
                access: {users: [%s]}
                roots:
                  logs: [%s]
                commands:
                  - id: log-tail
                    description: The last lines of a log
                    argv: [tail, -n, "{lines}", "{file}"]
                    params:
                      lines: {type: integer, min: 1, max: 500}
                      file: {type: path, root: logs}
                    read_only: true
                """.formatted(SlackPayloads.USER_ID, logs.toRealPath());
        DiagnosticsService diagnostics = DiagnosticsService.builder(AllowlistLoader.parse(yaml, "form-allowlist.yaml"))
                .build();
        RunbookSearch none = (question, n) -> {
            throw new AssertionError("no search in this test");
        };
        BotEngine engine = BotEngine.builder(() -> none)
                .diagnostics(Optional.of(diagnostics))
                .build();
        slack = FakeSlack.start();
        payloads = slack.payloads();
        frontEnd = SlackFrontEnd.start(
                new SlackSettings(
                        "xoxb-test",
                        new SlackSettings.HttpMode(SECRET, 0, InetAddress.getLoopbackAddress()),
                        List.of(),
                        slack.apiUrlPrefix()),
                engine);
    }

    @AfterEach
    void stop() {
        frontEnd.close();
        slack.close();
    }

    private HttpResponse<String> post(SlackPayload payload) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + frontEnd.httpPort().orElseThrow() + "/slack/events");
        return new SlackSigner(SECRET).sign(payload).post(endpoint);
    }

    /** The form's submission with these typed values (the form's metadata as the bot wrote it). */
    private SlackPayload submitted(String lines, String file) {
        ObjectNode json = payloads.viewSubmission(
                        "runbook_run_form",
                        "{\"id\":\"log-tail\",\"channel\":\"" + SlackPayloads.CHANNEL_ID + "\"}",
                        Map.of("param_file", file))
                .json();
        json.withObject("/view/state/values")
                .putObject("param_lines")
                .putObject("value")
                .put("type", "number_input")
                .put("value", lines);
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }

    @Test
    void pathTraversalAndASymlinkOutOfTheRootTypedInTheFormAreRefusedUnderTheFieldAndNothingRuns() throws Exception {
        for (String file : List.of("../../etc/shadow", "escape.log", "/etc/passwd")) {
            HttpResponse<String> ack = post(submitted("20", file));

            JsonNode answer = JSON.readTree(ack.body());
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(answer.path("response_action").asText()).as(file).isEqualTo("errors");
            assertThat(answer.path("errors").path("param_file").asText())
                    .as(file)
                    .startsWith("file: ");
        }
        HttpResponse<String> ack = post(submitted("0500", "app.log"));
        assertThat(JSON.readTree(ack.body()).path("errors").path("param_lines").asText())
                .isEqualTo("lines: must be an integer from 1 to 500 without leading zeros, got \"0500\"");
        slack.calls().assertNoneWithin(c -> c.route().equals("chat.postEphemeral"), Duration.ofMillis(500));
    }

    @Test
    void aShareValueBuiltToInflateToAMegabyteIsRefusedAndNothingIsPostedToTheChannel() throws Exception {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1024 * 1024]);
        deflater.finish();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            bomb.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bomb.toByteArray());
        SlackPayload click = payloads.blockActions("runbook_share_run", value);

        long start = System.nanoTime();
        assertThat(post(click).statusCode()).isEqualTo(200);

        JsonNode told = slack.awaitResponse(click.responseId(), WAIT).json();
        assertThat(told.path("text").asText()).contains("could not be read");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(slack.callsTo("chat.postMessage")).isEmpty();
    }
}
