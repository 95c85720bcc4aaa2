package io.runbookbot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.RequestParser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * What a button does, in its {@code custom_id} (at most 100 characters). A diagnostic or a
 * confirmation that fits and that {@link RequestParser} reads back unchanged is written out
 * ({@code cmd:run listening-port port=8000}), so it survives a restart; anything else (questions,
 * feedback, long parameters) gets a short random key into a cache of recent buttons
 * ({@code ref:k3J9x2Qa}) that forgets a button a day after it was made, and holds at most
 * {@code capacity} (beyond that Caffeine drops the least used first). Thread-safe.
 */
final class ButtonActions {
    static final int MAX_ID = 100;
    private static final String COMMAND = "cmd:";
    private static final String REF = "ref:";
    /**
     * Buttons about the question an answer was for: the question is read back from the answer's
     * embed ({@link AskedLine}), so these work after a restart: {@code q:next:1}, {@code q:whole:0},
     * {@code q:share:0}, {@code q:vote:+:ops/db.md:10}.
     */
    private static final String QUESTION = "q:";
    /** "Share in channel": posts the answer (candidate {@code index}) to the channel for everyone. */
    private static final String SHARE = QUESTION + "share:";

    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int KEY_LENGTH = 12;
    /** How long a referenced button works; a click after that is told the button expired. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, BotRequest> recent;

    /** @param capacity how many referenced buttons are remembered at most */
    ButtonActions(int capacity) {
        this(capacity, LIFETIME, Ticker.systemTicker());
    }

    ButtonActions(int capacity, Duration lifetime, Ticker ticker) {
        this.recent = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The custom id for a button that makes this request. */
    String idFor(BotRequest request) {
        Optional<String> about = questionId(request);
        if (about.isPresent() && about.get().length() <= MAX_ID) {
            return about.get();
        }
        Optional<String> text = commandText(request);
        if (text.isPresent()
                && COMMAND.length() + text.get().length() <= MAX_ID
                && RequestParser.parse(text.get()).equals(request)) {
            return COMMAND + text.get();
        }
        String key = key();
        recent.put(key, request);
        return REF + key;
    }

    /**
     * A custom id that holds the whole run, so that it works from any message after any restart
     * (alert posts); empty when the run does not fit in one.
     */
    static Optional<String> statelessIdFor(BotRequest.RunDiagnostic run) {
        return commandText(run)
                .filter(text -> COMMAND.length() + text.length() <= MAX_ID)
                .filter(text -> RequestParser.parse(text).equals(run))
                .map(text -> COMMAND + text);
    }

    /** The custom id for a button that shares the reply to this request with the channel. */
    String shareIdFor(BotRequest.NextMatch answer) {
        return SHARE + answer.index();
    }

    /** Whether the button shares its reply with the channel instead of answering the clicker. */
    static boolean shares(String customId) {
        return customId.startsWith(SHARE);
    }

    /**
     * The request behind a custom id, {@code question} being what the answer the button is on was
     * for; empty when the id is not ours, was forgotten, or needs a question there is none of.
     */
    Optional<BotRequest> requestFor(String customId, Optional<String> question) {
        return requestFor(customId, question, Optional.empty());
    }

    /** As above, {@code location} being the section the answer shows (for a vote whose id could not hold it). */
    Optional<BotRequest> requestFor(String customId, Optional<String> question, Optional<String> location) {
        if (customId.equals(QUESTION + "vote:+") || customId.equals(QUESTION + "vote:-")) {
            return question.flatMap(q -> location.map(l -> new BotRequest.Feedback(q, l, customId.endsWith("+"))));
        }
        if (customId.startsWith(QUESTION)) {
            return question.flatMap(q -> fromQuestionId(customId.substring(QUESTION.length()), q));
        }
        return requestFor(customId);
    }

    /** The request behind a custom id that needs no question; empty when it is not ours or was forgotten. */
    Optional<BotRequest> requestFor(String customId) {
        if (customId.startsWith(COMMAND)) {
            return Optional.of(RequestParser.parse(customId.substring(COMMAND.length())));
        }
        if (customId.startsWith(REF)) {
            return Optional.ofNullable(recent.getIfPresent(customId.substring(REF.length())));
        }
        return Optional.empty();
    }

    /** How many referenced buttons are remembered now (after pending evictions). */
    long remembered() {
        recent.cleanUp();
        return recent.estimatedSize();
    }

    private static Optional<String> questionId(BotRequest request) {
        if (request instanceof BotRequest.NextMatch next) {
            return Optional.of(QUESTION + "next:" + next.index());
        }
        if (request instanceof BotRequest.WholeSection whole) {
            return Optional.of(QUESTION + "whole:" + whole.index());
        }
        if (request instanceof BotRequest.Feedback vote) {
            String sign = QUESTION + "vote:" + (vote.helpful() ? "+" : "-");
            String withLocation = sign + ":" + vote.location();
            // a long runbook path does not fit: the location is read back from the answer's footer
            return Optional.of(withLocation.length() <= MAX_ID ? withLocation : sign);
        }
        return Optional.empty();
    }

    private static Optional<BotRequest> fromQuestionId(String id, String question) {
        try {
            if (id.startsWith("next:")) {
                return Optional.of(new BotRequest.NextMatch(question, index(id.substring(5))));
            }
            if (id.startsWith("whole:")) {
                return Optional.of(new BotRequest.WholeSection(question, index(id.substring(6))));
            }
            if (id.startsWith("share:")) {
                return Optional.of(new BotRequest.NextMatch(question, index(id.substring(6))));
            }
            if (id.startsWith("vote:+:") || id.startsWith("vote:-:")) {
                return Optional.of(new BotRequest.Feedback(question, id.substring(7), id.charAt(5) == '+'));
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // not an id this bot wrote
        }
        return Optional.empty();
    }

    private static int index(String digits) {
        int i = Integer.parseInt(digits);
        if (i < 0 || i > 1000) {
            throw new NumberFormatException("index out of range: " + digits);
        }
        return i;
    }

    private static Optional<String> commandText(BotRequest request) {
        if (request instanceof BotRequest.Confirm confirm) {
            return Optional.of("confirm " + confirm.token());
        }
        if (request instanceof BotRequest.RunDiagnostic run) {
            StringBuilder text = new StringBuilder("run ").append(run.commandId());
            run.params()
                    .forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            if (run.namesAgent()) {
                text.append(" on ").append(run.agent());
            }
            return Optional.of(text.toString());
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
