package io.runbookbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.TestRunbooks;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.Caller;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.diagnostics.InvestigationAuditLog;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real parts an investigation runs against: the repository's runbooks indexed with Lucene, a
 * DiagnosticsService with a small allowlist (one read-only entry for role oncall, one that changes
 * something) on the local runner, audit logs in a temp folder, and a fake Ollama.
 */
final class InvestigationFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Has the role the allowlist gives access to. */
    static final Caller ONCALL = new Caller("slack", "U1", List.of("oncall"), "C1");
    /** A question the fixture runbooks answer. */
    static final String QUERY = "port already in use";

    final Path dir;
    final FakeOllama ollama = FakeOllama.start();
    final IndexedRunbooks runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
    final CommandRunner runner = new CommandRunner(2, Duration.ofSeconds(2));
    final AuditLog diagnosticsAudit;
    final InvestigationAuditLog investigationAudit;
    final DiagnosticsService diagnostics;
    private final List<RunbookInvestigator> investigators = new ArrayList<>();

    InvestigationFixture(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("work"));
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                access: {roles: [oncall]}
                roots:
                  work: [%s]
                commands:
                  - id: echo-word
                    description: Prints a word
                    argv: [/usr/bin/printf, "%%s", "{word}"]
                    params:
                      word: {type: pattern, pattern: "[A-Za-z0-9=_-]{1,40}"}
                    read_only: true
                  - id: touch-marker
                    description: Creates a file (changes something)
                    argv: [/usr/bin/touch, "{file}"]
                    params:
                      file: {type: path, root: work}
                    read_only: false
                """.formatted(dir.resolve("work")));
        diagnosticsAudit = AuditLog.open(dir.resolve("audit.jsonl"));
        investigationAudit = InvestigationAuditLog.open(dir.resolve("investigations.jsonl"));
        diagnostics = DiagnosticsService.builder(Allowlist.load(allowlist))
                .local(runner)
                .audit(diagnosticsAudit)
                .perMinute(20)
                .build();
    }

    /** An investigator with the default limits, built on first use; the fixture closes it. */
    RunbookInvestigator investigator() {
        if (investigators.isEmpty()) {
            investigator(InvestigationLimits.DEFAULTS);
        }
        return investigators.get(0);
    }

    /** A new investigator with these limits; the fixture closes it. */
    RunbookInvestigator investigator(InvestigationLimits limits) {
        RunbookInvestigator investigator = RunbookInvestigator.builder(
                        RunbookInvestigator.ollama(ollama.baseUrl(), "llama3.2", Duration.ofSeconds(5)),
                        "llama3.2",
                        runbooks)
                .diagnostics(Optional.of(diagnostics))
                .audit(investigationAudit)
                .limits(limits)
                .build();
        investigators.add(investigator);
        return investigator;
    }

    /** The messages of the n-th (0-based) request to /api/chat. */
    JsonNode messages(int request) {
        return ollama.callsTo("chat").get(request).json().path("messages");
    }

    /** The content of the last message of the n-th request (the latest tool result). */
    String lastToolResult(int request) {
        JsonNode messages = messages(request);
        JsonNode last = messages.get(messages.size() - 1);
        return last.path("role").asText() + ": " + last.path("content").asText();
    }

    List<JsonNode> investigationLines() {
        return lines(dir.resolve("investigations.jsonl"));
    }

    List<JsonNode> diagnosticsLines() {
        return lines(dir.resolve("audit.jsonl"));
    }

    private static List<JsonNode> lines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank())
                    .map(InvestigationFixture::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        investigators.forEach(RunbookInvestigator::close);
        ollama.close();
        runbooks.close();
        runner.close();
        diagnosticsAudit.close();
        investigationAudit.close();
    }
}
