package io.runbookbot.cli;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.core.chat.InvestigationText;
import io.runbookbot.diagnostics.InvestigationAuditLog;
import io.runbookbot.llm.InvestigationLimits;
import io.runbookbot.llm.ModelUnavailableException;
import io.runbookbot.llm.RunbookInvestigator;
import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code investigate "<symptom>"}: a chat model searches the runbooks and runs read-only
 * diagnostics on this host (as the local operator), then answers with the sources the bot saw it
 * use. Exit 0 answered, 2 usage or configuration, 3 model unavailable.
 */
@Command(name = "investigate", mixinStandardHelpOptions = true,
        description = "Investigate a symptom with a chat model that may only search the runbooks and run "
                + "allowlisted read-only diagnostics; prints a generated answer and its sources.")
public final class InvestigateCommand implements Callable<Integer> {
    static final int MODEL_UNAVAILABLE = 3;

    private final Function<String, Optional<String>> environment;

    @Mixin
    RunbooksOption runbooks;

    @Mixin
    OllamaOptions ollama;

    @Mixin
    DiagnosticsOptions diagnostics;

    @Parameters(arity = "1..*", paramLabel = "SYMPTOM", description = "What you see: an error line, alert or symptom.")
    List<String> words;

    @Option(names = "--max-tool-calls", paramLabel = "N", defaultValue = "8",
            description = "Tool calls the model may make (default: ${DEFAULT-VALUE}).")
    int maxToolCalls;

    @Spec
    CommandSpec spec;

    public InvestigateCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        String symptom = String.join(" ", words).strip();
        if (symptom.isEmpty()) {
            throw new UserFacingException("Say what you see, e.g. runbook-bot investigate \"disk full on /var\".");
        }
        if (maxToolCalls < 1) {
            throw new UserFacingException("--max-tool-calls must be at least 1.");
        }
        if (diagnostics.allowlistIfPresent().isEmpty()) {
            return investigate(symptom, Optional.empty());
        }
        try (CommandRunner runner = DiagnosticsOptions.localRunner(); AuditLog audit = diagnostics.openAudit()) {
            return investigate(symptom, Optional.of(diagnostics.service(environment, runner, audit)));
        }
    }

    private int investigate(String symptom, Optional<Diagnostics> tools) throws IOException {
        String model = ollama.chatModel().orElseThrow(() -> new UserFacingException("investigate needs a chat "
                + "model: " + ollama.chatModelHint() + "."));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InvestigationLimits limits = InvestigationLimits.DEFAULTS.withMaxToolCalls(maxToolCalls)
                .withWallTime(ollama.investigationTime());
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir(), runbooks.loader(), Optional.empty(), false);
             InvestigationAuditLog log = InvestigationAuditLog.open(ollama.investigationLog());
             RunbookInvestigator investigator = RunbookInvestigator.builder(
                     RunbookInvestigator.ollama(ollama.url().orElseThrow(), model, ollama.timeout()), model, indexed)
                     .diagnostics(tools).audit(log).limits(limits).prompts(ollama.prompts()).build()) {
            Investigation result = investigator.investigate(Caller.LOCAL_OPERATOR, symptom);
            out.println(InvestigationText.plain(result));
            return 0;
        } catch (ModelUnavailableException e) {
            err.println("runbook-bot: " + e.getMessage());
            return MODEL_UNAVAILABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
