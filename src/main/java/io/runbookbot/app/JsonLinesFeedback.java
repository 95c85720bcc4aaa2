package io.runbookbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.FeedbackSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** Appends each helpful / not helpful vote as one JSON line (flushed), and counts it. */
final class JsonLinesFeedback implements FeedbackSink, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private final Metrics metrics;
    private final Clock clock;

    private JsonLinesFeedback(BufferedWriter out, Metrics metrics, Clock clock) {
        this.out = out;
        this.metrics = metrics;
        this.clock = clock;
    }

    static JsonLinesFeedback open(Path file, Metrics metrics) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JsonLinesFeedback(
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    metrics,
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new ConfigException(Setting.FEEDBACK_LOG.variable() + ": cannot open " + file + " for appending ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void record(Caller caller, BotRequest.Feedback feedback) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", clock.instant().toString())
                .put("platform", caller.platform())
                .put("user", caller.userId())
                .put("channel", caller.channelId())
                .put("question", feedback.question())
                .put("location", feedback.location())
                .put("helpful", feedback.helpful());
        try {
            synchronized (out) {
                out.write(JSON.writeValueAsString(line));
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feedback log", e);
        }
        metrics.feedback(feedback.helpful());
    }

    @Override
    public void close() {
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the feedback log", e);
        }
    }
}
