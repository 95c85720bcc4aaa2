package io.runbookbot.core.chat;

import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.Summarizer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds a {@link BotEngine}; everything but the search is optional. */
public final class BotEngineBuilder {
    final Supplier<RunbookSearch> search;
    Optional<Diagnostics> diagnostics = Optional.empty();
    FeedbackSink feedback = (caller, vote) -> {};
    Runnable reindex = () -> {};
    SourceLinks links = SourceLinks.NONE;
    String defaultAgent = Diagnostics.LOCAL;
    Optional<Summarizer> summarizer = Optional.empty();
    Optional<Investigator> investigator = Optional.empty();
    SlowWork slow = SlowWork.INLINE;
    TriageMemory triageMemory = TriageMemory.NONE;
    int candidates = BotEngine.CANDIDATES;

    BotEngineBuilder(Supplier<RunbookSearch> search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    public BotEngineBuilder diagnostics(Optional<Diagnostics> diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        return this;
    }

    public BotEngineBuilder feedback(FeedbackSink feedback) {
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        return this;
    }

    /** @param reindex starts a re-index of the runbook folder */
    public BotEngineBuilder reindex(Runnable reindex) {
        this.reindex = Objects.requireNonNull(reindex, "reindex");
        return this;
    }

    public BotEngineBuilder links(SourceLinks links) {
        this.links = Objects.requireNonNull(links, "links");
        return this;
    }

    /**
     * @param defaultAgent the agent diagnostics run on when the run names none: "run" buttons of
     *                     suggested diagnostics, typed runs without {@code on <agent>}, forms
     */
    public BotEngineBuilder defaultAgent(String defaultAgent) {
        this.defaultAgent = Objects.requireNonNull(defaultAgent, "defaultAgent");
        return this;
    }

    /** @param summarizer writes the generated summary shown above an answer */
    public BotEngineBuilder summarizer(Optional<Summarizer> summarizer) {
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        return this;
    }

    /** @param investigator runs {@code investigate} */
    public BotEngineBuilder investigator(Optional<Investigator> investigator) {
        this.investigator = Objects.requireNonNull(investigator, "investigator");
        return this;
    }

    /** @param memory the sections already posted unasked, so that triage does not repeat itself */
    public BotEngineBuilder triageMemory(TriageMemory memory) {
        this.triageMemory = Objects.requireNonNull(memory, "memory");
        return this;
    }

    /** @param slow where investigations and summaries run (default: on the caller's thread) */
    public BotEngineBuilder slowWork(SlowWork slow) {
        this.slow = Objects.requireNonNull(slow, "slow");
        return this;
    }

    /** @param candidates sections ranked per question (at least 1) */
    public BotEngineBuilder candidates(int candidates) {
        this.candidates = Math.max(1, candidates);
        return this;
    }

    public BotEngine build() {
        return new BotEngine(this);
    }
}
