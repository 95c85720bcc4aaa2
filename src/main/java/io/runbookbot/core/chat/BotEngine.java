package io.runbookbot.core.chat;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.IncidentIds;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summarizer;
import io.runbookbot.core.Summary;
import io.runbookbot.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation, the same on every platform: request in, reply out. It is the one place that
 * turns failures into replies: a {@link UserFacingException} becomes its message, anything else a
 * fixed sentence with an incident id (the exception is logged, never shown). Thread-safe.
 */
public final class BotEngine implements ChatEngine {
    private static final Logger LOG = LoggerFactory.getLogger(BotEngine.class);
    /** Candidates fetched per question unless told otherwise; "next match" walks through them. */
    static final int CANDIDATES = 5;

    private final Supplier<RunbookSearch> search;
    private final Optional<Diagnostics> diagnostics;
    private final FeedbackSink feedback;
    private final Runnable reindex;
    private final SourceLinks links;
    private final String defaultAgent;
    private final Optional<Summarizer> summarizer;
    private final Optional<Investigator> investigator;
    private final SlowWork slow;
    private final TriageMemory triageMemory;
    private final int candidates;

    BotEngine(BotEngineBuilder b) {
        this.search = b.search;
        this.diagnostics = b.diagnostics;
        this.feedback = b.feedback;
        this.reindex = b.reindex;
        this.links = b.links;
        this.defaultAgent = b.defaultAgent;
        this.summarizer = b.summarizer;
        this.investigator = b.investigator;
        this.slow = b.slow;
        this.triageMemory = b.triageMemory;
        this.candidates = b.candidates;
    }

    /** @param search the current search (a supplier, so that a re-index can swap it atomically) */
    public static BotEngineBuilder builder(Supplier<RunbookSearch> search) {
        return new BotEngineBuilder(search);
    }

    /**
     * Handles a request: what is quick (search, diagnostics) on the calling thread, model work on
     * {@link SlowWork}'s executors. The future never fails (not even on an {@link Error}): a failure
     * is a reply that says so.
     */
    @Override
    public CompletableFuture<BotReply> reply(Caller caller, BotRequest request) {
        try {
            return dispatch(caller, request).exceptionally(e -> failure(caller, request, SlowWork.cause(e)));
        } catch (RuntimeException | Error e) {
            // Error too: a StackOverflowError from hostile text must cost one answer, not the answer thread
            return CompletableFuture.completedFuture(failure(caller, request, e));
        }
    }

    /** {@link #reply} waited for: for a terminal and for tests. */
    public BotReply handle(Caller caller, BotRequest request) {
        return reply(caller, request).join();
    }

    private static BotReply failure(Caller caller, BotRequest request, Throwable e) {
        if (e instanceof UserFacingException) {
            return new BotReply.Text(e.getMessage());
        }
        String incident = IncidentIds.next();
        LOG.error(
                "Incident {} while handling {} for {}",
                incident,
                request.getClass().getSimpleName(),
                caller.qualifiedUserId(),
                e);
        return new BotReply.Text("Something went wrong on my side (incident " + incident
                + "). The runbooks folder is still readable directly.");
    }

    /** The raw ranking for a question. */
    public Answer search(String question) {
        return search.get().ask(question, candidates);
    }

    /**
     * Incident-channel triage of a message nobody addressed to the bot: the answer when the message
     * reads like a symptom and the match is not a guess ({@link IncidentTriage}), searched once;
     * empty (silence) otherwise, and on any failure.
     */
    @Override
    public CompletableFuture<Optional<BotReply>> ambient(Caller caller, String message) {
        if (!IncidentTriage.readsLikeSymptom(message)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        try {
            Answer answer = search(message);
            if (!IncidentTriage.shouldAnswer(message, answer)) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            RunbookSection best = answer.hits().get(0).section();
            if (triageMemory.repeats(caller.channelId(), best.location())) {
                return CompletableFuture.completedFuture(Optional.of(new BotReply.Text(
                        "Same runbook as above: " + best.headingPath() + " (" + best.location() + ")")));
            }
            return reply(answer, 0, false).thenApply(Optional::of);
        } catch (RuntimeException | Error e) {
            LOG.error("Incident-channel triage failed for {}; staying silent", caller.qualifiedUserId(), e);
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    @Override
    public Map<String, String> invalidParams(BotRequest.RunDiagnostic run) {
        return diagnostics.map(d -> d.invalidParams(call(run))).orElse(Map.of());
    }

    /** The call for {@code run}, on the configured default agent when it names none. */
    private DiagnosticCall call(BotRequest.RunDiagnostic run) {
        BotRequest.RunDiagnostic on = run.orOn(defaultAgent);
        return new DiagnosticCall(on.agent(), on.commandId(), on.params());
    }

    /** {@link #ambient} waited for. */
    public Optional<BotReply> triage(Caller caller, String message) {
        return ambient(caller, message).join();
    }

    private CompletableFuture<BotReply> dispatch(Caller caller, BotRequest request) {
        return request.accept(new BotRequest.Visitor<CompletableFuture<BotReply>>() {
            @Override
            public CompletableFuture<BotReply> ask(BotRequest.Ask ask) {
                return answer(ask.question(), 0);
            }

            @Override
            public CompletableFuture<BotReply> nextMatch(BotRequest.NextMatch next) {
                return answer(next.question(), next.index());
            }

            @Override
            public CompletableFuture<BotReply> wholeSection(BotRequest.WholeSection whole) {
                return reply(search(whole.question()), whole.index(), true);
            }

            @Override
            public CompletableFuture<BotReply> runDiagnostic(BotRequest.RunDiagnostic run) {
                return done(new BotReply.Diagnostic(requireDiagnostics().run(caller, call(run))));
            }

            @Override
            public CompletableFuture<BotReply> confirm(BotRequest.Confirm confirm) {
                return done(new BotReply.Diagnostic(requireDiagnostics().confirm(caller, confirm.token())));
            }

            @Override
            public CompletableFuture<BotReply> feedback(BotRequest.Feedback vote) {
                feedback.record(caller, vote);
                return done(new BotReply.Text(
                        "Thanks, noted" + (vote.helpful() ? "." : ": this helps us fix the runbooks.")));
            }

            @Override
            public CompletableFuture<BotReply> investigate(BotRequest.Investigate investigate) {
                Investigator chosen = investigator.orElseThrow(() -> new UserFacingException(
                        "Investigate needs a chat model, and this bot has none. Ask the runbooks directly:"
                                + " /runbook <symptom> (Discord: /runbook ask)"));
                return slow.investigate(
                        () -> new BotReply.Investigated(chosen.investigate(caller, investigate.symptom())));
            }

            @Override
            public CompletableFuture<BotReply> help(BotRequest.Help help) {
                return done(new BotReply.Text(HelpText.TEXT));
            }

            @Override
            public CompletableFuture<BotReply> listDiagnostics(BotRequest.ListDiagnostics list) {
                return done(new BotReply.DiagnosticList(requireDiagnostics().commands(caller)));
            }

            @Override
            public CompletableFuture<BotReply> reindex(BotRequest.Reindex reindex) {
                BotEngine.this.reindex.run();
                return done(new BotReply.Text(
                        "Re-indexing the runbooks in the background; answers switch over when" + " it is done."));
            }
        });
    }

    private static CompletableFuture<BotReply> done(BotReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** Shows candidate {@code index} of the question's ranking; echoes the question as the search redacted it. */
    private CompletableFuture<BotReply> answer(String asked, int index) {
        return reply(search(asked), index, false);
    }

    /** @param whole show the whole section at once, not its first screen */
    private CompletableFuture<BotReply> reply(Answer answer, int index, boolean whole) {
        String question = answer.question();
        if (!answer.answered() && index == 0 || answer.hits().isEmpty()) {
            return done(new BotReply.NoMatch(question, answer.hits(), answer.notices()));
        }
        if (index >= answer.hits().size()) {
            return done(new BotReply.Text(
                    "No more candidates for \"" + question + "\"; try other words or the exact error line."));
        }
        SectionHit shown = answer.hits().get(index);
        List<SectionHit> others = new ArrayList<>(answer.hits());
        others.remove(index);
        List<DiagnosticSuggestion> suggestions =
                diagnostics.map(d -> d.suggestionsFor(shown.section())).orElse(List.of());
        Confidence confidence = index == 0 ? answer.confidence() : Confidence.LOW;
        ReadableSection readable = ReadableSection.of(shown.section(), links);
        BiFunction<Optional<Summary>, List<String>, BotReply> reply = (summary, notices) -> new BotReply.SectionAnswer(
                question,
                index,
                shown,
                others,
                suggestions,
                links.of(shown.section()),
                confidence,
                defaultAgent,
                summary,
                notices,
                whole ? readable.whole() : readable);
        if (summarizer.isEmpty()) {
            return done(reply.apply(Optional.empty(), answer.notices()));
        }
        return slow.summarize(() -> summarizer.get().summarize(question, shown.section()))
                .thenApply(s -> {
                    List<String> notices = new ArrayList<>(answer.notices());
                    s.notice().ifPresent(notices::add);
                    return reply.apply(s.summary(), notices);
                });
    }

    private Diagnostics requireDiagnostics() {
        return diagnostics.orElseThrow(
                () -> new UserFacingException("Diagnostics are not configured on this bot (no allowlist)."));
    }
}
