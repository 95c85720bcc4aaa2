package io.runbookbot.core.chat;

import io.runbookbot.core.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a front end needs from the bot: a request in, a reply out. Slack, Discord and the terminal
 * are adapters over this interface; {@link BotEngine} is the real one, and tests put a fake behind
 * an adapter to check its rendering and delivery without an index.
 */
public interface ChatEngine {

    /**
     * Handles a request. Call it off the platform's acknowledging thread: quick work (search) runs on
     * the calling thread; model work completes the reply later on the engine's own threads. The
     * future never fails: a failure is a reply that says so.
     */
    CompletableFuture<BotReply> reply(Caller caller, BotRequest request);

    /**
     * Each parameter of {@code run} whose value the allowlist would refuse, with the reason, for a
     * form to show next to its field before anything runs. Quick enough for the acknowledging
     * thread. Empty means nothing to point at: {@link #reply} checks the run again either way (the
     * default checks nothing here and leaves it all to that).
     */
    default Map<String, String> invalidParams(BotRequest.RunDiagnostic run) {
        return Map.of();
    }

    /**
     * A message in an incident channel that nobody addressed to the bot: the reply when it reads
     * like a symptom with a confident match, empty (silence) otherwise and on any failure.
     */
    CompletableFuture<Optional<BotReply>> ambient(Caller caller, String message);
}
