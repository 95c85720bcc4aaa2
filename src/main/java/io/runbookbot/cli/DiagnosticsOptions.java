package io.runbookbot.cli;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistException;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options that say what may run and where: allowlist, agents, audit log. */
public final class DiagnosticsOptions {
    @Option(names = "--allowlist", paramLabel = "FILE",
            defaultValue = "${env:RUNBOOK_BOT_ALLOWLIST:-runbooks/allowlist.yaml}",
            description = "Allowlist of diagnostics (default: ${DEFAULT-VALUE}).")
    Path allowlist = Path.of("runbooks/allowlist.yaml");

    @Option(names = "--agents", paramLabel = "FILE", defaultValue = "${env:RUNBOOK_BOT_AGENTS}",
            description = "Registry of named agents (YAML); without it only the local host is known.")
    @Nullable Path agents;

    @Option(names = "--audit-log", paramLabel = "FILE",
            defaultValue = "${env:RUNBOOK_BOT_AUDIT_LOG:-runbook-bot.audit.jsonl}",
            description = "Audit log, one JSON line per request (default: ${DEFAULT-VALUE}).")
    Path auditLog = Path.of("runbook-bot.audit.jsonl");

    /** The allowlist, or a clear error naming the file and the problem. */
    Allowlist allowlist() {
        if (!Files.isRegularFile(allowlist)) {
            throw new UserFacingException("Allowlist not found: " + allowlist + " (pass --allowlist FILE)");
        }
        try {
            return Allowlist.load(allowlist);
        } catch (AllowlistException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** The allowlist if its file exists (for suggestions), else nothing. */
    Optional<Allowlist> allowlistIfPresent() {
        return Files.isRegularFile(allowlist) ? Optional.of(allowlist()) : Optional.empty();
    }

    /** A service that runs on this host and on the registered agents, writing the audit log. */
    DiagnosticsService service(Function<String, Optional<String>> environment, CommandRunner runner, AuditLog audit) {
        DiagnosticsService.Builder builder = DiagnosticsService.builder(allowlist()).local(runner).audit(audit);
        if (agents != null) {
            builder.agents(new AgentGateway(AgentRegistry.load(agents), environment));
        }
        return builder.build();
    }

    AuditLog openAudit() {
        try {
            return AuditLog.open(auditLog);
        } catch (IOException e) {
            throw new UserFacingException("Cannot open the audit log " + auditLog + ": " + e.getMessage(), e);
        }
    }

    /** The runner for this host: one run at a time, as a person at a terminal runs them. */
    static CommandRunner localRunner() {
        return new CommandRunner(1, Duration.ZERO);
    }
}
