package io.runbookbot.core.chat;

import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot answers; adapters render it for their platform with a {@link Visitor}, so a new
 * kind of reply does not compile until every front end renders it.
 */
public sealed interface BotReply {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of reply: what a front end implements to render replies. */
    interface Visitor<R> {
        R section(SectionAnswer answer);

        R noMatch(NoMatch none);

        R investigated(Investigated investigated);

        R diagnostic(Diagnostic diagnostic);

        R text(Text text);

        R diagnostics(DiagnosticList list);
    }

    /**
     * A question about one or two kinds of reply: the kinds it does not override answer
     * {@link #otherwise()}. Renderers implement {@link Visitor} instead, so that a new kind must be rendered.
     */
    interface Partial<R> extends Visitor<R> {
        R otherwise();

        @Override
        default R section(SectionAnswer answer) {
            return otherwise();
        }

        @Override
        default R noMatch(NoMatch none) {
            return otherwise();
        }

        @Override
        default R investigated(Investigated investigated) {
            return otherwise();
        }

        @Override
        default R diagnostic(Diagnostic diagnostic) {
            return otherwise();
        }

        @Override
        default R text(Text text) {
            return otherwise();
        }

        @Override
        default R diagnostics(DiagnosticList list) {
            return otherwise();
        }
    }

    /**
     * A runbook section that answers the question, with the other candidates.
     *
     * @param index       which candidate is shown (0 = best; "next match" increments it)
     * @param shown       the section shown
     * @param others      the other candidates, best first
     * @param suggestions allowlisted diagnostics the shown section's commands correspond to
     * @param sourceUrl   link to the section in the runbooks' repository, when configured
     * @param confidence  how likely the shown section is right ({@link Confidence#LOW} for a candidate
     *                    after the best one)
     * @param runOn       the agent that the suggestions' "run" actions target
     * @param summary     a generated summary to show above the verbatim section, labelled as such
     * @param notices     how the answer was found, when the reader should know (e.g. keyword search
     *                    only because Ollama did not answer)
     * @param readable    the shown section laid out for chat, with its first screen
     */
    record SectionAnswer(
            String question,
            int index,
            SectionHit shown,
            List<SectionHit> others,
            List<DiagnosticSuggestion> suggestions,
            Optional<String> sourceUrl,
            Confidence confidence,
            String runOn,
            Optional<Summary> summary,
            List<String> notices,
            ReadableSection readable)
            implements BotReply {
        public SectionAnswer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(shown, "shown");
            others = List.copyOf(others);
            suggestions = List.copyOf(suggestions);
            Objects.requireNonNull(sourceUrl, "sourceUrl");
            Objects.requireNonNull(confidence, "confidence");
            Objects.requireNonNull(runOn, "runOn");
            Objects.requireNonNull(summary, "summary");
            notices = List.copyOf(notices);
            Objects.requireNonNull(readable, "readable");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.section(this);
        }

        /** An answer with no summary and nothing to note, its section laid out without a source URL. */
        public SectionAnswer(
                String question,
                int index,
                SectionHit shown,
                List<SectionHit> others,
                List<DiagnosticSuggestion> suggestions,
                Optional<String> sourceUrl,
                Confidence confidence,
                String runOn) {
            this(
                    question,
                    index,
                    shown,
                    others,
                    suggestions,
                    sourceUrl,
                    confidence,
                    runOn,
                    Optional.empty(),
                    List.of(),
                    ReadableSection.of(shown.section(), SourceLinks.NONE));
        }

        /** An answer whose suggested diagnostics run on this host. */
        public SectionAnswer(
                String question,
                int index,
                SectionHit shown,
                List<SectionHit> others,
                List<DiagnosticSuggestion> suggestions,
                Optional<String> sourceUrl,
                Confidence confidence) {
            this(question, index, shown, others, suggestions, sourceUrl, confidence, Diagnostics.LOCAL);
        }
    }

    /** No runbook fits: say so, with the weak candidates for whoever wants to look anyway. */
    record NoMatch(String question, List<SectionHit> candidates, List<String> notices) implements BotReply {
        public NoMatch {
            Objects.requireNonNull(question, "question");
            candidates = List.copyOf(candidates);
            notices = List.copyOf(notices);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noMatch(this);
        }

        public NoMatch(String question, List<SectionHit> candidates) {
            this(question, candidates, List.of());
        }
    }

    /** The outcome of {@code investigate}: a generated answer with the sources the bot saw it use. */
    record Investigated(Investigation investigation) implements BotReply {
        public Investigated {
            Objects.requireNonNull(investigation, "investigation");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.investigated(this);
        }
    }

    /** The outcome of a diagnostic request. */
    record Diagnostic(DiagnosticReport report) implements BotReply {
        public Diagnostic {
            Objects.requireNonNull(report, "report");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.diagnostic(this);
        }
    }

    /** The allowlisted diagnostics, in allowlist order. */
    record DiagnosticList(List<DiagnosticCommand> commands) implements BotReply {
        public DiagnosticList {
            commands = List.copyOf(commands);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.diagnostics(this);
        }

        /** The list as chat text: one line per diagnostic, its parameters below it. */
        public String text() {
            if (commands.isEmpty()) {
                return "No diagnostic is open to you here. An admin can grant you some in the allowlist's access"
                        + " (your user, this channel or a role you have).";
            }
            StringBuilder out = new StringBuilder(commands.size() + " diagnostics you may run here:");
            for (DiagnosticCommand c : commands) {
                out.append("\n• ")
                        .append(c.id())
                        .append(": ")
                        .append(c.description())
                        .append(c.readOnly() ? "" : " (changes something: needs confirm)");
                c.paramLines().forEach(p -> out.append("\n    ").append(p));
            }
            return out.append("\nRun one with: run <id> key=value ... [on <agent>]")
                    .toString();
        }
    }

    /** A plain message: help, acknowledgement, or an error sentence for the user. */
    record Text(String text) implements BotReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.text(this);
        }
    }
}
