package io.runbookbot.cli;

import io.runbookbot.core.Caller;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code investigate "<symptom>"}: a chat model searches the runbooks (hybrid when an embedding
 * model is configured, as in {@code serve}) and runs read-only diagnostics on this host (as the
 * local operator), then answers with the sources the bot saw it use. The symptom goes to the same
 * engine as a chat {@code investigate}. Exit 0 answered, 2 usage or configuration, 3 no
 * investigation (the model was unavailable or failed).
 */
@Command(
        name = "investigate",
        mixinStandardHelpOptions = true,
        description = "Investigate a symptom with a chat model that may only search the runbooks and run "
                + "allowlisted read-only diagnostics; prints a generated answer and its sources.")
public final class InvestigateCommand implements Callable<Integer> {
    static final int MODEL_UNAVAILABLE = 3;

    private final TerminalBot.Factory bots;

    @Mixin
    OllamaOptions ollama;

    @Parameters(arity = "1..*", paramLabel = "SYMPTOM", description = "What you see: an error line, alert or symptom.")
    List<String> words;

    @Option(
            names = "--max-tool-calls",
            paramLabel = "N",
            defaultValue = "8",
            description = "Tool calls the model may make (default: ${DEFAULT-VALUE}).")
    int maxToolCalls;

    @Spec
    CommandSpec spec;

    public InvestigateCommand(TerminalBot.Factory bots) {
        this.bots = bots;
    }

    @Override
    public Integer call() {
        String symptom = String.join(" ", words).strip();
        if (symptom.isEmpty()) {
            throw new UserFacingException("Say what you see, e.g. runbook-bot investigate \"disk full on /var\".");
        }
        if (maxToolCalls < 1) {
            throw new UserFacingException("--max-tool-calls must be at least 1.");
        }
        if (ollama.chatModel().isEmpty()) {
            throw new UserFacingException("investigate needs a chat model: " + ollama.chatModelHint() + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit;
        try (TerminalBot bot = bots.open(spec, new TerminalBot.Needs(false, 5, true, true, maxToolCalls))) {
            exit = bot.engine()
                    .reply(Caller.LOCAL_OPERATOR, new BotRequest.Investigate(symptom))
                    .join()
                    .accept(new TerminalReplies(out, err) {
                        @Override
                        public Integer text(BotReply.Text text) {
                            super.text(text);
                            return MODEL_UNAVAILABLE;
                        }
                    });
        }
        out.flush();
        err.flush();
        return exit;
    }
}
