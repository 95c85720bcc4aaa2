package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discord's {@code /runbook run} through {@code runbook-bot serve} as a real process and an allowlist file. */
class ServeDiscordRunIT {
    @TempDir
    Path work;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void start(Map<String, String> extraEnv) throws IOException {
        process = ServeProcess.start(work, extraEnv, output, line -> {
            Matcher m = ServeProcess.READY.matcher(line);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        });
    }

    @Test
    void servesDiscordsRunCommandWithSuggestionsAndAFormFromTheAllowlist() throws Exception {
        String token = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
        String oncall = "2100000000000000001";
        Path allowlist = work.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                access: {roles: [oncall]}
                commands:
                  - id: kernel
                    description: The kernel release
                    argv: [uname, -r]
                    read_only: true
                  - id: echo-port
                    description: Echoes a port
                    argv: [/bin/echo, "port {port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                """);
        try (FakeDiscord discord = FakeDiscord.builder().role(oncall, "oncall").start()) {
            start(Map.of(
                    "DISCORD_BOT_TOKEN",
                    token,
                    "RUNBOOK_BOT_DISCORD_REST_URL",
                    discord.restBaseUrl(),
                    "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
                    discord.gatewayUrl().toString(),
                    "RUNBOOK_BOT_ALLOWLIST",
                    allowlist.toString()));
            port.get(60, TimeUnit.SECONDS);
            Duration wait = Duration.ofSeconds(20);
            discord.awaitCall("PUT", "applications/" + DiscordEvents.APPLICATION_ID + "/commands", wait);

            GatewayEvent typing =
                    discord.dispatch(discord.events().autocomplete(Map.of("check", "e"), "check", oncall));
            GatewayEvent form = discord.pushRunCommand("echo-port", "", oncall);
            GatewayEvent submit = discord.dispatch(
                    discord.events().modalSubmit("run:echo-port", Map.of("port", "8080"), Set.of(), oncall));

            assertThat(discord.awaitCallback(typing, wait)
                            .json()
                            .path("data")
                            .path("choices")
                            .findValuesAsText("value"))
                    .containsExactly("echo-port", "kernel");
            assertThat(discord.awaitCallback(form, wait).json().path("type").asInt())
                    .isEqualTo(9);
            assertThat(discord.awaitFollowUp(submit, wait)
                            .json()
                            .path("content")
                            .asText())
                    .startsWith("`echo-port` on `local`: exit code 0, ")
                    .contains("port 8080");
        }
    }
}
