package io.runbookbot.app;

import io.runbookbot.core.chat.TextChunks;
import io.runbookbot.redact.Redactor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says why a front end failed to start: its message, plus the root cause when that adds something. */
final class StartFailures {
    private static final int MAX_CHARS = 500;

    private StartFailures() {}

    /**
     * One line, redacted, at most {@value #MAX_CHARS} characters: the failure's message, then the
     * I/O error under it (unknown host, connection refused, ...) or else its root cause, when the
     * message does not already say it.
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable detail =
                chain.stream().filter(t -> t instanceof IOException).findFirst().orElse(chain.get(chain.size() - 1));
        String text = TextChunks.cut(message(failure), 4 * MAX_CHARS);
        if (detail != failure && !text.contains(message(detail))) {
            text += " (cause: " + detail.getClass().getSimpleName() + ": " + message(detail) + ")";
        }
        text = Redactor.redact(text.replaceAll("\\s+", " ").strip());
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }

    private static String message(Throwable t) {
        return Optional.ofNullable(t.getMessage())
                .filter(m -> !m.isBlank())
                .orElse(t.getClass().getSimpleName());
    }
}
