package io.runbookbot.core.chat;

import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.SectionHit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the bot answers; adapters render it for their platform. */
public sealed interface BotReply {

    /**
     * A runbook section that answers the question, with the other candidates.
     *
     * @param index       which candidate is shown (0 = best; "next match" increments it)
     * @param shown       the section shown
     * @param others      the other candidates, best first
     * @param suggestions allowlisted diagnostics the shown section's commands correspond to
     * @param sourceUrl   link to the section in the runbooks' repository, when configured
     * @param confidence  in [0, 1]
     * @param runOn       the agent that the suggestions' "run" actions target
     */
    record SectionAnswer(String question, int index, SectionHit shown, List<SectionHit> others,
                         List<DiagnosticSuggestion> suggestions, Optional<String> sourceUrl, double confidence,
                         String runOn)
            implements BotReply {
        public SectionAnswer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(shown, "shown");
            others = List.copyOf(others);
            suggestions = List.copyOf(suggestions);
            Objects.requireNonNull(sourceUrl, "sourceUrl");
            Objects.requireNonNull(runOn, "runOn");
        }

        /** An answer whose suggested diagnostics run on this host. */
        public SectionAnswer(String question, int index, SectionHit shown, List<SectionHit> others,
                             List<DiagnosticSuggestion> suggestions, Optional<String> sourceUrl, double confidence) {
            this(question, index, shown, others, suggestions, sourceUrl, confidence, Diagnostics.LOCAL);
        }
    }

    /** No runbook fits: say so, with the weak candidates for whoever wants to look anyway. */
    record NoMatch(String question, List<SectionHit> candidates) implements BotReply {
        public NoMatch {
            Objects.requireNonNull(question, "question");
            candidates = List.copyOf(candidates);
        }
    }

    /** The outcome of a diagnostic request. */
    record Diagnostic(DiagnosticReport report) implements BotReply {
        public Diagnostic {
            Objects.requireNonNull(report, "report");
        }
    }

    /** A plain message: help, acknowledgement, or an error sentence for the user. */
    record Text(String text) implements BotReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
