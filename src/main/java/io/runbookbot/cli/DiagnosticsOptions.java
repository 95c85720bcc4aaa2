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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What may run and where: allowlist, agents, audit log. The flags come from the app's settings
 * table; the allowlist is the one named, else {@code allowlist.yaml} in the runbook folder.
 */
@Command
public final class DiagnosticsOptions {
    private final Function<CommandSpec, CommandSettings> settings;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public DiagnosticsOptions(Function<CommandSpec, CommandSettings> settings) {
        this.settings = settings;
    }

    private CommandSettings settings() {
        return settings.apply(command);
    }

    /** Where the allowlist is, or a clear error saying none was found. */
    Path allowlistFile() {
        return settings().requireAllowlist();
    }

    /** The allowlist, or a clear error naming the file and the problem. */
    Allowlist allowlist() {
        return load(allowlistFile());
    }

    /** The allowlist if there is one (for suggestions), else nothing. */
    Optional<Allowlist> allowlistIfPresent() {
        return settings().allowlist().map(DiagnosticsOptions::load);
    }

    static Allowlist load(Path file) {
        try {
            return Allowlist.load(file);
        } catch (AllowlistException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** A service that runs on this host and on the registered agents, writing the audit log. */
    DiagnosticsService service(Function<String, Optional<String>> environment, CommandRunner runner, AuditLog audit) {
        DiagnosticsService.Builder builder = DiagnosticsService.builder(allowlist()).local(runner).audit(audit);
        settings().agents().ifPresent(agents -> builder.agents(new AgentGateway(AgentRegistry.load(agents),
                environment)));
        return builder.build();
    }

    AuditLog openAudit() {
        Path auditLog = settings().auditLog();
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
