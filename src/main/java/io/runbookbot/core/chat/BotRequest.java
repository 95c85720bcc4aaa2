package io.runbookbot.core.chat;

import java.util.Map;
import java.util.Objects;

/**
 * Something a person asked the bot, whatever the platform. The engine handles it with a
 * {@link Visitor}, so a new kind of request does not compile until the engine answers it.
 */
public sealed interface BotRequest {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of request. */
    interface Visitor<R> {
        R ask(Ask ask);

        R nextMatch(NextMatch next);

        R wholeSection(WholeSection whole);

        R runDiagnostic(RunDiagnostic run);

        R confirm(Confirm confirm);

        R feedback(Feedback feedback);

        R investigate(Investigate investigate);

        R help(Help help);

        R reindex(Reindex reindex);

        R listDiagnostics(ListDiagnostics list);
    }

    /** A symptom question, error line or alert name. */
    record Ask(String question) implements BotRequest {
        public Ask {
            Objects.requireNonNull(question, "question");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ask(this);
        }
    }

    /** The next candidate section for a question already asked (0 is the best). */
    record NextMatch(String question, int index) implements BotRequest {
        public NextMatch {
            Objects.requireNonNull(question, "question");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nextMatch(this);
        }
    }

    /**
     * The whole of candidate {@code index} for a question already asked, when its answer showed only
     * the first screen ({@link ReadableSection}).
     */
    record WholeSection(String question, int index) implements BotRequest {
        public WholeSection {
            Objects.requireNonNull(question, "question");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wholeSection(this);
        }
    }

    /**
     * Run an allowlisted diagnostic on {@code agent}; a run that names no agent (typed without
     * {@code on <agent>}, or from a form) has {@link #DEFAULT_AGENT} and goes where the bot's
     * configured default agent is ({@code RUNBOOK_BOT_DEFAULT_AGENT}).
     */
    record RunDiagnostic(String agent, String commandId, Map<String, String> params) implements BotRequest {
        /** The agent of a run that names none: the bot's configured default. */
        public static final String DEFAULT_AGENT = "";

        public RunDiagnostic {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(commandId, "commandId");
            params = Map.copyOf(params);
        }

        /** A run on the bot's configured default agent. */
        public static RunDiagnostic onDefaultAgent(String commandId, Map<String, String> params) {
            return new RunDiagnostic(DEFAULT_AGENT, commandId, params);
        }

        /** Whether the run names its agent ({@code on <agent>}, a button's target). */
        public boolean namesAgent() {
            return !agent.equals(DEFAULT_AGENT);
        }

        /** This run, on {@code fallback} when it names no agent. */
        public RunDiagnostic orOn(String fallback) {
            return namesAgent() ? this : new RunDiagnostic(fallback, commandId, params);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.runDiagnostic(this);
        }
    }

    /** Confirm a diagnostic that changes something. */
    record Confirm(String token) implements BotRequest {
        public Confirm {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.confirm(this);
        }
    }

    /** Whether a shown section helped. */
    record Feedback(String question, String location, boolean helpful) implements BotRequest {
        public Feedback {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(location, "location");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.feedback(this);
        }
    }

    /** Investigate a symptom with the runbooks and diagnostics (needs a chat model). */
    record Investigate(String symptom) implements BotRequest {
        public Investigate {
            Objects.requireNonNull(symptom, "symptom");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.investigate(this);
        }
    }

    /** How to use the bot. */
    record Help() implements BotRequest {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.help(this);
        }
    }

    /** What diagnostics may be run here. */
    record ListDiagnostics() implements BotRequest {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listDiagnostics(this);
        }
    }

    /** Re-read the runbook folder now. */
    record Reindex() implements BotRequest {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reindex(this);
        }
    }
}
