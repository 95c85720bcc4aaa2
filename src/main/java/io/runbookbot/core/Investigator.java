package io.runbookbot.core;

/**
 * Port: investigates a symptom with the runbooks and the allowlisted diagnostics, on behalf of a
 * caller whose permissions bound what it may run.
 */
public interface Investigator {

    /**
     * Runs one bounded investigation.
     *
     * @throws UserFacingException when it cannot start (no chat model, model down)
     */
    Investigation investigate(Caller caller, String symptom);
}
