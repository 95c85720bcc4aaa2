package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.GatewayEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code /runbook run} ITs share: an allowlist whose checks {@link DiscordHarness#ONCALL}
 * may run (but {@code admin-only}), diagnostics run on this host, and where an interaction's answers go.
 */
final class DiscordRunRig {
    /** Discord's message flag for "only the user who clicked or asked sees it". */
    static final int EPHEMERAL = 64;

    private static final String ALLOWLIST = """
                version: 1
                commands:
                  - id: listening-port
                    description: Which process listens on a TCP port
                    argv: [ss, -ltn, "sport = :{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                    recognizes: ["netstat -ano | findstr :{port}", "lsof -t -i:{port}"]
                    access: {roles: ["%1$s"]}
                  - id: service-status
                    description: A service's recent state
                    argv: [/bin/echo, "{unit}", "{lines}"]
                    params:
                      unit: {type: enum, values: [nginx, postgres]}
                      lines: {type: integer, min: 1, max: 500}
                    read_only: true
                    access: {roles: ["%1$s"]}
                  - id: kernel
                    description: The kernel release
                    argv: [uname, -r]
                    read_only: true
                    access: {roles: ["%1$s"]}
                  - id: admin-only
                    description: For the leads
                    argv: [uname, -a]
                    read_only: true
                    access: {roles: ["9999"]}
                """;

    private DiscordRunRig() {}

    /** Diagnostics over the allowlist, written to {@code dir} if it is not there yet. */
    static DiagnosticsService diagnostics(Path dir, CommandRunner runner) throws IOException {
        Path allowlist = dir.resolve("allowlist.yaml");
        if (!Files.exists(allowlist)) {
            Files.writeString(allowlist, ALLOWLIST.formatted(ONCALL));
        }
        return DiagnosticsService.builder(Allowlist.load(allowlist))
                .local(runner)
                .perMinute(100)
                .build();
    }

    /** Where an interaction's follow-ups go. */
    static String webhook(GatewayEvent interaction) {
        return "webhooks/" + APPLICATION_ID + "/" + interaction.token();
    }

    /** The message the interaction answers or was made on (an edit of it). */
    static String original(GatewayEvent interaction) {
        return webhook(interaction) + "/messages/@original";
    }

    /** name, value, name, value ... in order. */
    static Map<String, String> values(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
