package io.runbookbot.core.chat;

import java.util.Map;
import java.util.Objects;

/** Something a person asked the bot, whatever the platform. */
public sealed interface BotRequest {

    /** A symptom question, error line or alert name. */
    record Ask(String question) implements BotRequest {
        public Ask {
            Objects.requireNonNull(question, "question");
        }
    }

    /** The next candidate section for a question already asked (0 is the best). */
    record NextMatch(String question, int index) implements BotRequest {
        public NextMatch {
            Objects.requireNonNull(question, "question");
        }
    }

    /** Run an allowlisted diagnostic. */
    record RunDiagnostic(String agent, String commandId, Map<String, String> params) implements BotRequest {
        public RunDiagnostic {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(commandId, "commandId");
            params = Map.copyOf(params);
        }
    }

    /** Confirm a diagnostic that changes something. */
    record Confirm(String token) implements BotRequest {
        public Confirm {
            Objects.requireNonNull(token, "token");
        }
    }

    /** Whether a shown section helped. */
    record Feedback(String question, String location, boolean helpful) implements BotRequest {
        public Feedback {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(location, "location");
        }
    }

    /** Investigate a symptom with the runbooks and diagnostics (needs a chat model). */
    record Investigate(String symptom) implements BotRequest {
        public Investigate {
            Objects.requireNonNull(symptom, "symptom");
        }
    }

    /** How to use the bot. */
    record Help() implements BotRequest {
    }

    /** Re-read the runbook folder now. */
    record Reindex() implements BotRequest {
    }
}
