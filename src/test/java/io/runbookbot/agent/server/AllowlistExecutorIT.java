package io.runbookbot.agent.server;

import static io.runbookbot.agent.exec.ChildProcesses.awaitChild;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.RunRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge from the HTTP layer to the real allowlist, validator and runner. */
class AllowlistExecutorIT {
    private final Allowlist allowlist = Allowlist.parse("""
            version: 1
            commands:
              - id: greet
                description: greets someone
                argv: [/bin/echo, "hello {who}"]
                timeout: 5s
                read_only: true
                params:
                  who: {type: pattern, pattern: "[a-z]+", max_length: 20}
              - id: sleep-2
                description: sleeps
                argv: [/bin/sleep, "2"]
                read_only: false
            """, "test");
    private final CommandRunner runner = new CommandRunner(1, Duration.ZERO);
    private final AllowlistExecutor executor = new AllowlistExecutor(allowlist, runner);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void describesEachEntryWithItsParameters() {
        CommandDescription greet = executor.list().get(0);
        assertThat(greet.id()).isEqualTo("greet");
        assertThat(greet.params()).singleElement().asString().startsWith("who: ");
        assertThat(greet.timeoutSeconds()).isEqualTo(5);
        assertThat(executor.list().get(1).readOnly()).isFalse();
    }

    @Test
    void runsAValidRequest() {
        RunOutcome outcome = executor.run(new RunRequest("greet", Map.of("who", "ann"), "u"));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.Completed.class,
                        c -> assertThat(c.result().stdout()).isEqualTo("hello ann\n"));
    }

    @Test
    void refusesUnknownCommandsAndBadValues() {
        assertThat(executor.run(new RunRequest("rm", Map.of(), "u"))).isInstanceOf(RunOutcome.UnknownCommand.class);
        assertThat(executor.run(new RunRequest("greet", Map.of("who", "`id`"), "u")))
                .isInstanceOf(RunOutcome.InvalidParams.class);
        assertThat(executor.run(new RunRequest("greet", Map.of("who", "ann", "extra", "1"), "u")))
                .isInstanceOf(RunOutcome.InvalidParams.class);
    }

    @Test
    void isBusyWhenEverySlotIsTaken() throws Exception {
        Thread first = new Thread(() -> executor.run(new RunRequest("sleep-2", Map.of(), "u")));
        first.start();
        awaitChild("sleep");
        assertThat(executor.run(new RunRequest("greet", Map.of("who", "ann"), "u")))
                .isInstanceOf(RunOutcome.Busy.class);
        first.join();
    }
}
