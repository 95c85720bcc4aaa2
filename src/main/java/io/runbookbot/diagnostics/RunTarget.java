package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.exec.RunnerBusyException;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.core.Caller;
import io.runbookbot.core.UserFacingException;
import java.util.Map;

/** Where a validated diagnostic runs: this host's runner, or an agent over signed HTTP. */
interface RunTarget {

    /**
     * Runs an entry whose parameters passed validation.
     *
     * @throws UserFacingException when the target cannot run it (agent down, slow, refusing, busy)
     */
    RunResult run(CommandSpec spec, Map<String, String> params, Caller caller);

    /** This host: the same validated runner the agent uses. */
    static RunTarget local(CommandRunner runner) {
        return (spec, params, caller) -> {
            Validation validation = ArgumentValidator.validate(spec, params);
            if (!(validation instanceof Validation.Accepted accepted)) {
                throw new UserFacingException(((Validation.Rejected) validation).reason());
            }
            try {
                return runner.run(spec, accepted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserFacingException("The run was interrupted.", e);
            } catch (RunnerBusyException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        };
    }

    /** A registered agent; it re-validates everything against its own allowlist. */
    static RunTarget agent(AgentGateway gateway, String name) {
        return (spec, params, caller) -> gateway.client(name)
                .run(
                        new RunRequest(spec.id(), params, caller.qualifiedUserId()),
                        AgentClient.timeoutFor(spec.timeout()));
    }
}
