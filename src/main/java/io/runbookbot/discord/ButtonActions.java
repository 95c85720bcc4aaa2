package io.runbookbot.discord;

import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.RequestParser;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a button does, in its {@code custom_id} (at most 100 characters). A diagnostic or a
 * confirmation that fits and that {@link RequestParser} reads back unchanged is written out
 * ({@code cmd:run listening-port port=8000}), so it survives a restart; anything else (questions,
 * feedback, long parameters) gets a short random key into a bounded map of recent buttons
 * ({@code ref:k3J9x2Qa}). Thread-safe.
 */
final class ButtonActions {
    static final int MAX_ID = 100;
    private static final String COMMAND = "cmd:";
    private static final String REF = "ref:";
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int KEY_LENGTH = 12;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, BotRequest> recent;

    /** @param capacity how many referenced buttons are remembered; the oldest are forgotten first */
    ButtonActions(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BotRequest> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The custom id for a button that makes this request. */
    String idFor(BotRequest request) {
        Optional<String> text = commandText(request);
        if (text.isPresent() && COMMAND.length() + text.get().length() <= MAX_ID
                && RequestParser.parse(text.get()).equals(request)) {
            return COMMAND + text.get();
        }
        String key = key();
        synchronized (recent) {
            recent.put(key, request);
        }
        return REF + key;
    }

    /** The request behind a custom id; empty when it is not ours or was forgotten. */
    Optional<BotRequest> requestFor(String customId) {
        if (customId.startsWith(COMMAND)) {
            return Optional.of(RequestParser.parse(customId.substring(COMMAND.length())));
        }
        if (customId.startsWith(REF)) {
            synchronized (recent) {
                return Optional.ofNullable(recent.get(customId.substring(REF.length())));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> commandText(BotRequest request) {
        if (request instanceof BotRequest.Confirm confirm) {
            return Optional.of("confirm " + confirm.token());
        }
        if (request instanceof BotRequest.RunDiagnostic run) {
            StringBuilder text = new StringBuilder("run ").append(run.commandId());
            run.params().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            return Optional.of(text.append(" on ").append(run.agent()).toString());
        }
        return Optional.empty();
    }

    private String key() {
        StringBuilder key = new StringBuilder(KEY_LENGTH);
        for (int i = 0; i < KEY_LENGTH; i++) {
            key.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
        }
        return key.toString();
    }
}
