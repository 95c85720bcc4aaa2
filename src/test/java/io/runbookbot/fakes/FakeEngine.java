package io.runbookbot.fakes;

import io.runbookbot.core.Caller;
import io.runbookbot.core.CodeBlock;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A chat engine with canned replies and no index, for adapter tests: it records every request
 * with its caller, answers with what the test says, and can hold replies open (a slow model) to
 * show that a front end's threads do not wait for them.
 */
public final class FakeEngine implements ChatEngine {
    /** A request as the engine received it. */
    public record Received(Caller caller, BotRequest request) {}

    private final CallLog<Received> received = new CallLog<>();
    private final List<CompletableFuture<BotReply>> held = new CopyOnWriteArrayList<>();
    private volatile BiFunction<Caller, BotRequest, CompletableFuture<BotReply>> replies =
            (caller, request) -> CompletableFuture.completedFuture(new BotReply.Text("canned"));
    private volatile Optional<BotReply> ambient = Optional.empty();
    private volatile Map<String, String> invalidParams = Map.of();

    /** Every request is answered with {@code reply}. */
    public FakeEngine answering(BotReply reply) {
        replies = (caller, request) -> CompletableFuture.completedFuture(reply);
        return this;
    }

    /** Each request is answered with what {@code reply} gives for it. */
    public FakeEngine answering(java.util.function.Function<BotRequest, BotReply> reply) {
        replies = (caller, request) -> CompletableFuture.completedFuture(reply.apply(request));
        return this;
    }

    /** {@link #invalidParams} answers {@code invalid} (parameter name to reason) for every run. */
    public FakeEngine refusingParams(Map<String, String> invalid) {
        invalidParams = Map.copyOf(invalid);
        return this;
    }

    /** Investigations are held open until {@link #releaseHeld}; everything else gets {@code reply}. */
    public FakeEngine holdingInvestigations(BotReply reply) {
        replies = (caller, request) -> {
            if (request instanceof BotRequest.Investigate) {
                CompletableFuture<BotReply> pending = new CompletableFuture<>();
                held.add(pending);
                return pending;
            }
            return CompletableFuture.completedFuture(reply);
        };
        return this;
    }

    /** Incident-channel messages are answered with {@code reply}. */
    public FakeEngine triaging(BotReply reply) {
        ambient = Optional.of(reply);
        return this;
    }

    public void releaseHeld(BotReply reply) {
        held.forEach(f -> f.complete(reply));
    }

    public int heldCount() {
        return held.size();
    }

    public CallLog<Received> received() {
        return received;
    }

    public Received awaitRequest(Duration timeout) {
        return received.await(r -> true, timeout);
    }

    @Override
    public CompletableFuture<BotReply> reply(Caller caller, BotRequest request) {
        received.add(new Received(caller, request));
        return replies.apply(caller, request);
    }

    @Override
    public Map<String, String> invalidParams(BotRequest.RunDiagnostic run) {
        return invalidParams;
    }

    @Override
    public CompletableFuture<Optional<BotReply>> ambient(Caller caller, String message) {
        received.add(new Received(caller, new BotRequest.Ask(message)));
        return CompletableFuture.completedFuture(ambient);
    }

    /** A canned answer: one section with a suggested diagnostic, one other candidate. */
    public static BotReply.SectionAnswer sectionAnswer(String question) {
        RunbookSection shown = new RunbookSection(
                "ops/ports.md",
                "Ports",
                "Port already in use",
                List.of("Ports", "Port already in use"),
                2,
                10,
                14,
                "## Port already in use\n\nFind the listener:\n\n```\nlsof -i :8000\n```\n",
                List.<CodeBlock>of());
        RunbookSection other = new RunbookSection(
                "ops/disk.md",
                "Disk",
                "Disk full",
                List.of("Disk", "Disk full"),
                2,
                3,
                8,
                "## Disk full\n\nCheck df -h.\n",
                List.<CodeBlock>of());
        DiagnosticSuggestion run = new DiagnosticSuggestion(
                "listening-port", "Which process listens on a TCP port", Map.of("port", "8000"), "lsof -i :8000", 13);
        return new BotReply.SectionAnswer(
                question,
                0,
                new SectionHit(shown, 9.5),
                List.of(new SectionHit(other, 2.0)),
                List.of(run),
                Optional.empty(),
                Confidence.HIGH,
                "web-1");
    }
}
