package io.runbookbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ask "<question>"}: the best runbook section, verbatim, and the other candidates. The
 * question goes to the same engine as a chat question; this command prints its reply.
 */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = "Answer a symptom question with the best matching runbook section.")
public final class AskCommand implements Callable<Integer> {
    /** Exit code when no runbook matches, so scripts can tell. */
    static final int NO_MATCH = 3;
    /** Exit code when the bot answered with a sentence instead (a bad folder, a failure). */
    static final int REFUSED = 2;

    private final TerminalBot.Factory bots;

    @Mixin
    OllamaOptions ollama;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, error line or alert name.")
    List<String> words;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "5",
            description = "How many sections to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print JSON (with each section's text) instead of text.")
    boolean json;

    @Option(
            names = "--summarize",
            description =
                    "Show a short generated summary of the section above it (needs --ollama-url and --chat-model).")
    boolean summarize;

    @Spec
    CommandSpec spec;

    public AskCommand(TerminalBot.Factory bots) {
        this.bots = bots;
    }

    @Override
    public Integer call() {
        String question = String.join(" ", words);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean summaries = summarize && ollama.chatModel().isPresent();
        if (summarize && !summaries) {
            err.println("note: --summarize needs a chat model (" + ollama.chatModelHint()
                    + "); answering without a summary.");
        }
        BotReply reply;
        try (TerminalBot bot = bots.open(spec, new TerminalBot.Needs(summaries, Math.max(1, top), false, false, 1))) {
            reply = bot.engine()
                    .reply(Caller.LOCAL_OPERATOR, new BotRequest.Ask(question))
                    .join();
        }
        int exit = reply.accept(new Printer(question, summaries, out, err));
        out.flush();
        err.flush();
        return exit;
    }

    /** Prints a reply as text or JSON and gives the exit code. */
    private final class Printer extends TerminalReplies {
        private final String question;
        private final boolean summaries;

        Printer(String question, boolean summaries, PrintWriter out, PrintWriter err) {
            super(out, err);
            this.question = question;
            this.summaries = summaries;
        }

        @Override
        public Integer section(BotReply.SectionAnswer a) {
            List<SectionHit> hits = new ArrayList<>(List.of(a.shown()));
            hits.addAll(a.others());
            if (summaries && a.summary().isEmpty()) {
                err.println("note: no summary (the chat model failed or was too slow, or its summary was not grounded "
                        + "in the section).");
            }
            print(new Answer(a.question(), true, hits, a.confidence(), a.notices()), a.suggestions(), a.summary());
            return 0;
        }

        @Override
        public Integer noMatch(BotReply.NoMatch none) {
            print(
                    new Answer(none.question(), false, none.candidates(), Confidence.LOW, none.notices()),
                    List.of(),
                    Optional.empty());
            return NO_MATCH;
        }

        private void print(Answer answer, List<DiagnosticSuggestion> suggestions, Optional<Summary> summary) {
            if (!json) {
                AnswerPrinter.printNotices(answer.notices(), err);
                AnswerPrinter.print(answer, suggestions, summary, out);
                return;
            }
            ObjectNode node = MatchJson.JSON.createObjectNode().put("question", question);
            node.put("confidence", answer.confidence().key());
            MatchJson.answer(node, answer, true);
            MatchJson.suggestions(node, suggestions);
            MatchJson.notices(node, answer.notices());
            if (summarize) {
                MatchJson.summary(node, summary);
            }
            try {
                out.println(MatchJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
