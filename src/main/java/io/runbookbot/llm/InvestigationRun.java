package io.runbookbot.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.InvestigationAudit;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.TextChunks;
import io.runbookbot.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One investigation: model, tool calls, model again, until the model answers, the tool-call limit
 * or the deadline. Not thread-safe; one per symptom asked.
 */
final class InvestigationRun {
    private final RunbookInvestigator.Settings settings;
    private final Caller caller;
    private final String symptom;
    private final String id;
    private final long deadline;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> sources = new LinkedHashSet<>();
    private int toolCalls;

    InvestigationRun(RunbookInvestigator.Settings settings, Caller caller, String symptom, String id) {
        this.settings = settings;
        this.caller = caller;
        this.symptom = symptom;
        this.id = id;
        this.deadline = System.nanoTime() + settings.limits().wallTime().toNanos();
    }

    int toolCalls() {
        return toolCalls;
    }

    Investigation run() {
        messages.add(SystemMessage.from(SystemPrompt.render(settings.promptFile(), settings.limits())));
        messages.add(UserMessage.from("Symptom: " + symptom));
        while (true) {
            Optional<AiMessage> reply = ask();
            if (reply.isEmpty()) {
                return stopped("its time limit (" + seconds() + " s)", "");
            }
            AiMessage ai = reply.get();
            if (!ai.hasToolExecutionRequests()) {
                String text = ai.text() == null || ai.text().isBlank()
                        ? "The model gave no answer."
                        : ai.text().strip();
                return investigation(text);
            }
            messages.add(ai);
            Optional<String> limit = callTools(ai.toolExecutionRequests());
            if (limit.isPresent()) {
                return stopped(limit.get(), ai.text() == null ? "" : ai.text());
            }
        }
    }

    /** Runs the requested tools in order; says which limit was hit, if one was. */
    private Optional<String> callTools(List<ToolExecutionRequest> requests) {
        Optional<String> limit = Optional.empty();
        for (ToolExecutionRequest request : requests) {
            if (toolCalls >= settings.limits().maxToolCalls()) {
                limit = Optional.of("its limit of " + settings.limits().maxToolCalls() + " tool calls");
                audit(request, "skipped: tool-call limit reached");
            } else if (System.nanoTime() >= deadline) {
                limit = Optional.of("its time limit (" + seconds() + " s)");
                audit(request, "skipped: time limit reached");
            } else {
                toolCalls++;
                ToolResult result = settings.tools().execute(caller, name(request), args(request));
                sources.addAll(result.sources());
                audit(request, result.outcome());
                messages.add(ToolExecutionResultMessage.from(request, forModel(result.text())));
            }
        }
        return limit;
    }

    /** The model's next message, or empty when the deadline passed first. */
    private Optional<AiMessage> ask() {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Optional.empty();
        }
        ChatRequest request = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .toolSpecifications(settings.tools().specifications())
                .build();
        Future<ChatResponse> call;
        try {
            call = settings.executor().submit(() -> settings.model().chat(request));
        } catch (RejectedExecutionException e) {
            throw unavailable(e);
        }
        try {
            return Optional.of(call.get(remaining, TimeUnit.NANOSECONDS).aiMessage());
        } catch (TimeoutException e) {
            call.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw unavailable(e.getCause() == null ? e : e.getCause());
        }
    }

    private ModelUnavailableException unavailable(Throwable failure) {
        String reason = ModelFailures.reason(failure);
        RunbookInvestigator.LOG.warn(
                "Investigation {} for {}: the model call failed ({})", id, caller.qualifiedUserId(), reason);
        return new ModelUnavailableException(
                "The investigating model did not answer (" + reason + "); here is what the runbooks say: " + fallback(),
                failure);
    }

    /** What the runbooks say without the model: the sections gathered so far, else the best match. */
    private String fallback() {
        if (!sources.isEmpty()) {
            return String.join("; ", sources) + ".";
        }
        List<SectionHit> hits = settings.search().ask(symptom, 1).hits();
        if (hits.isEmpty()) {
            return "no runbook section matches \"" + TextChunks.cut(Redactor.redact(symptom), 200) + "\" either.";
        }
        var s = hits.get(0).section();
        return s.headingPath() + " (" + s.location() + "); ask the runbooks directly for its text.";
    }

    private Investigation stopped(String limit, String lastNote) {
        String text = "The investigation stopped at " + limit + " before the model gave a final answer."
                + (lastNote.isBlank() ? "" : "\nThe model's last note: " + lastNote.strip())
                + (sources.isEmpty() ? "\nIt gathered nothing usable." : "\nWhat it gathered is listed under Sources.");
        return investigation(text);
    }

    /** The model's answer and the symptom it echoes are redacted: either may spell out a secret. */
    private Investigation investigation(String answer) {
        return new Investigation(
                Redactor.redact(symptom), Redactor.redact(answer), List.copyOf(sources), settings.modelName());
    }

    private void audit(ToolExecutionRequest request, String outcome) {
        settings.audit()
                .record(new InvestigationAudit.Entry(
                        settings.clock().instant(),
                        id,
                        caller.qualifiedUserId(),
                        caller.channelId(),
                        TextChunks.cut(Redactor.redact(symptom), 200),
                        TextChunks.cut(name(request), 100),
                        TextChunks.cut(Redactor.redact(args(request)), 1000),
                        outcome));
    }

    private String forModel(String text) {
        return TextChunks.cut(Redactor.redact(text), settings.limits().maxToolOutput());
    }

    private long seconds() {
        return Math.max(1, settings.limits().wallTime().toSeconds());
    }

    private static String name(ToolExecutionRequest request) {
        return request.name() == null ? "" : request.name();
    }

    private static String args(ToolExecutionRequest request) {
        return request.arguments() == null ? "" : request.arguments();
    }
}
