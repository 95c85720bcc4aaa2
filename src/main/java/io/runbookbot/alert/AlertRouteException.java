package io.runbookbot.alert;

/**
 * A route file the bot refuses, with a message naming the file, the route and the field
 * ({@code routes.yaml: routes[1] (payments): matchers[0]: ...}). Nothing of a refused file is used.
 */
public final class AlertRouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlertRouteException(String message) {
        super(message);
    }

    public AlertRouteException(String message, Throwable cause) {
        super(message, cause);
    }
}
