package io.runbookbot.app;

import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.http.HttpListener;
import java.util.Optional;

/**
 * A chat front end (Slack, Discord), as {@code serve} sees it: a name for logs and /readyz,
 * whether it is connected (or why it failed to start), and a way to stop it.
 */
public interface FrontEnd extends AutoCloseable {
    /** "slack", "discord". */
    String name();

    /** True once the front end is connected (Socket Mode, gateway) or listening (HTTP mode). */
    boolean ready();

    /** Why it did not start (the real cause: unknown host, token refused, ...); empty when it started. */
    default Optional<String> startFailure() {
        return Optional.empty();
    }

    /** What its HTTP listener has seen (connections held, refused, timed out); empty without one. */
    default Optional<AlertDestination> alerts() {
        return Optional.empty();
    }

    default Optional<HttpListener.Stats> httpStats() {
        return Optional.empty();
    }

    /** Stops taking requests and disconnects; must not throw. */
    @Override
    void close();
}
