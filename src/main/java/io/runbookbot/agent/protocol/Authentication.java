package io.runbookbot.agent.protocol;

import java.util.Objects;

/** The outcome of {@link SignatureVerifier#authenticate}: accepted with the seal for its answer, or refused. */
public sealed interface Authentication {

    /** Authentic and fresh; sign the answer with {@link #seal()}. */
    record Accepted(ResponseSeal seal) implements Authentication {
        public Accepted {
            Objects.requireNonNull(seal, "seal");
        }
    }

    /** Not accepted as coming from the bot; the answer goes out unsigned. */
    record Refused(AuthFailure failure) implements Authentication {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
