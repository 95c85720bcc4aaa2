package io.runbookbot.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The only three things the investigating model may do: search the runbooks, list the allowlisted
 * diagnostics, and run one of them as the person who asked (through the {@link Diagnostics} port,
 * so its policy, rate limit and audit apply). A diagnostic that changes something is never run
 * here: a person must run and confirm it. Thread-safe.
 */
final class InvestigationTools {
    static final String SEARCH = "search_runbooks";
    static final String LIST = "list_diagnostics";
    static final String RUN = "run_diagnostic";

    private final RunbookSearch search;
    private final Optional<Diagnostics> diagnostics;
    private final InvestigationLimits limits;

    InvestigationTools(RunbookSearch search, Optional<Diagnostics> diagnostics, InvestigationLimits limits) {
        this.search = search;
        this.diagnostics = diagnostics;
        this.limits = limits;
    }

    List<ToolSpecification> specifications() {
        return List.of(
                ToolSpecification.builder()
                        .name(SEARCH)
                        .description("Searches the runbooks. Returns the best matching sections: location "
                                + "(file:line), heading path and text.")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("query", "the symptom, error line or alert to look for")
                                .required("query")
                                .build())
                        .build(),
                ToolSpecification.builder()
                        .name(LIST)
                        .description("Lists the allowlisted diagnostics: id, description, parameters, and "
                                + "whether it is read-only. Nothing else can be run.")
                        .parameters(JsonObjectSchema.builder().build())
                        .build(),
                ToolSpecification.builder()
                        .name(RUN)
                        .description("Runs one allowlisted read-only diagnostic by id and returns its output. "
                                + "Diagnostics that change something are not run: a person must run them.")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("id", "the diagnostic id from list_diagnostics")
                                .addProperty(
                                        "params",
                                        JsonObjectSchema.builder()
                                                .description("parameter name to value, e.g. {\"port\": \"8000\"}")
                                                .additionalProperties(true)
                                                .build())
                                .addStringProperty("agent", "the host agent to run it on; default \"local\"")
                                .required("id")
                                .build())
                        .build());
    }

    /** Runs one tool call; never throws for anything the model sent. */
    ToolResult execute(Caller caller, String tool, String rawArguments) {
        try {
            ToolArguments args = ToolArguments.parse(tool, rawArguments);
            return switch (tool) {
                case SEARCH -> search(args.text("query"));
                case LIST -> list();
                case RUN ->
                    run(
                            caller,
                            new DiagnosticCall(
                                    args.optionalText("agent").orElse(Diagnostics.LOCAL),
                                    args.text("id"),
                                    args.strings("params")));
                default ->
                    ToolResult.error("unknown tool \"" + TextChunks.cut(tool, 60) + "\"; the tools are " + SEARCH + ", "
                            + LIST + " and " + RUN);
            };
        } catch (ToolArguments.BadArguments e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private ToolResult search(String query) {
        Answer answer = search.ask(query, limits.searchHits());
        if (answer.hits().isEmpty()) {
            return new ToolResult("No runbook section matches \"" + query + "\".", "ok: no sections", List.of());
        }
        int each = limits.maxToolOutput() / answer.hits().size() - 120;
        StringBuilder text = new StringBuilder();
        List<String> sources = new ArrayList<>();
        for (SectionHit hit : answer.hits()) {
            RunbookSection s = hit.section();
            text.append("[")
                    .append(s.location())
                    .append("] ")
                    .append(s.headingPath())
                    .append('\n')
                    .append(TextChunks.cut(s.text().strip(), each))
                    .append("\n\n");
            sources.add("runbook " + s.file() + ":" + s.line() + "-" + s.endLine() + " (" + s.headingPath() + ")");
        }
        return new ToolResult(text.toString().strip(), "ok: " + sources.size() + " sections", sources);
    }

    private ToolResult list() {
        if (diagnostics.isEmpty()) {
            return new ToolResult("No diagnostics are configured on this bot.", "ok: none configured", List.of());
        }
        List<DiagnosticCommand> commands = diagnostics.get().commands();
        String text = commands.stream()
                .map(c -> c.id() + (c.readOnly() ? " (read-only)" : " (changes something: not run by you)") + ": "
                        + c.description()
                        + (c.params().isEmpty() ? "" : "; params: " + String.join(", ", c.paramLines())))
                .collect(Collectors.joining("\n"));
        return new ToolResult(text, "ok: " + commands.size() + " diagnostics", List.of());
    }

    private ToolResult run(Caller caller, DiagnosticCall call) {
        if (diagnostics.isEmpty()) {
            return ToolResult.error("no diagnostics are configured on this bot");
        }
        Optional<DiagnosticCommand> known = diagnostics.get().commands().stream()
                .filter(c -> c.id().equals(call.commandId()))
                .findFirst();
        if (known.isPresent() && !known.get().readOnly()) {
            return humanMustRun(call);
        }
        return diagnostics.get().run(caller, call).accept(new DiagnosticReport.Visitor<ToolResult>() {
            @Override
            public ToolResult ran(DiagnosticReport.Ran ran) {
                return completed(ran);
            }

            @Override
            public ToolResult needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
                return humanMustRun(call);
            }

            @Override
            public ToolResult refused(DiagnosticReport.Refused refused) {
                return new ToolResult(
                        "Not run (" + refused.outcome().name().toLowerCase(java.util.Locale.ROOT) + "): "
                                + refused.message(),
                        "refused (" + refused.outcome() + "): " + refused.message(),
                        List.of());
            }
        });
    }

    private static ToolResult completed(DiagnosticReport.Ran r) {
        String status = (r.timedOut() ? "timed out" : "exit " + r.exitCode()) + " in " + r.durationMillis() + " ms"
                + (r.truncated() ? " (output cut at the cap)" : "");
        String text = "Ran " + r.commandId() + " on " + r.agent() + ": " + status + "\nstdout:\n" + r.stdout()
                + (r.stderr().isBlank() ? "" : "\nstderr:\n" + r.stderr());
        return new ToolResult(
                text,
                "ran: " + status,
                List.of("diagnostic " + commandLine(r.commandId(), r.params()) + " on " + r.agent() + " (" + status
                        + ")"));
    }

    private static ToolResult humanMustRun(DiagnosticCall call) {
        String message = call.commandId() + " changes something, so the investigation does not run it; a person "
                + "must run it and confirm: run " + commandLine(call.commandId(), call.params());
        return new ToolResult("Not run: " + message, "not run: needs a person to run and confirm it", List.of());
    }

    private static String commandLine(String id, Map<String, String> params) {
        return id
                + params.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> " " + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining());
    }
}
