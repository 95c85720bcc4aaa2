package io.runbookbot.agent.server;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.Echo;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.exec.RunnerBusyException;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.RunRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The real executor: the agent's own allowlist, {@link ArgumentValidator}, then {@link CommandRunner}. */
public final class AllowlistExecutor implements CommandExecutor {
    private final Allowlist allowlist;
    private final CommandRunner runner;
    private final List<CommandDescription> descriptions;

    public AllowlistExecutor(Allowlist allowlist, CommandRunner runner) {
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.descriptions =
                allowlist.commands().stream().map(AllowlistExecutor::describe).toList();
    }

    static CommandDescription describe(CommandSpec spec) {
        List<String> params = spec.params().values().stream()
                .map(p -> p.name() + ": " + p.describe())
                .toList();
        return new CommandDescription(
                spec.id(),
                spec.description(),
                params,
                spec.readOnly(),
                spec.timeout().toSeconds());
    }

    @Override
    public List<CommandDescription> list() {
        return descriptions;
    }

    /** Runs with no started line (tests and tools). */
    public RunOutcome run(RunRequest request) {
        return run(request, () -> {});
    }

    @Override
    public RunOutcome run(RunRequest request, Runnable beforeStart) {
        Optional<CommandSpec> spec = allowlist.find(request.id());
        if (spec.isEmpty()) {
            return new RunOutcome.UnknownCommand(
                    "unknown command " + Echo.quote(request.id()) + ": it is not in this agent's allowlist");
        }
        Validation validation = ArgumentValidator.validate(spec.get(), request.params());
        if (validation instanceof Validation.Rejected rejected) {
            return new RunOutcome.InvalidParams(rejected.reason());
        }
        try {
            return new RunOutcome.Completed(runner.run(spec.get(), (Validation.Accepted) validation, beforeStart));
        } catch (RunnerBusyException e) {
            return new RunOutcome.Busy(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + request.id(), e);
        }
    }
}
