package io.runbookbot.discord;

import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.chat.ChannelPatterns;
import io.runbookbot.core.chat.ChatEngine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Discord front end: one JDA session with a {@link DiscordBot} listening, the
 * {@code /runbook} command registered, and the worker threads that answer. Close it on shutdown.
 */
public final class DiscordFrontEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordFrontEnd.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final int WORKERS = 4;
    /** Answers that may wait for a free answer thread. */
    static final int QUEUED = 200;

    private static final int BUTTON_MEMORY = 10_000;
    private static final String DISCORD_API = "https://discord.com/api/";

    private final JDA jda;
    private final ExecutorService workers;

    private DiscordFrontEnd(JDA jda, ExecutorService workers) {
        this.jda = jda;
        this.workers = workers;
    }

    /**
     * Logs in, waits (bounded) until the session is ready and registers {@code /runbook}.
     *
     * @throws IllegalStateException when the session is not ready within 30 seconds
     */
    public static DiscordFrontEnd start(DiscordSettings settings, ChatEngine engine) {
        return start(settings, engine, READY_TIMEOUT);
    }

    static DiscordFrontEnd start(DiscordSettings settings, ChatEngine engine, Duration readyTimeout) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(engine, "engine");
        LOG.info("Starting the Discord front end: {}", settings);
        // bounded: past QUEUED waiting answers a request is told the bot is busy instead of queueing forever
        ExecutorService workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED),
                daemonThreads("discord-answer-"),
                new ThreadPoolExecutor.AbortPolicy());
        JDA jda;
        try {
            jda = builder(settings)
                    .addEventListeners(new DiscordBot(
                            engine, workers, BUTTON_MEMORY, ChannelPatterns.of(settings.incidentChannels())))
                    .build();
        } catch (InvalidTokenException e) {
            workers.shutdownNow();
            throw new IllegalStateException("Discord refused the bot token (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            workers.shutdownNow();
            throw new IllegalStateException(
                    "cannot log in to Discord at " + settings.restBaseUrl().orElse(DISCORD_API), e);
        }
        DiscordFrontEnd frontEnd = new DiscordFrontEnd(jda, workers);
        try {
            awaitReady(jda, readyTimeout);
        } catch (RuntimeException e) {
            frontEnd.close();
            throw e;
        }
        jda.updateCommands()
                .addCommands(DiscordBot.command())
                .queue(
                        commands -> LOG.info("Registered Discord command /{}", DiscordCommands.COMMAND),
                        failure -> LOG.warn(
                                "Could not register /{}; mentions still work", DiscordCommands.COMMAND, failure));
        return frontEnd;
    }

    /** Where alert groups are posted, through this session. */
    public AlertDestination alerts() {
        return new DiscordAlertPoster(jda);
    }

    /** The JDA session (for its status and self user). */
    public JDA jda() {
        return jda;
    }

    private static JDABuilder builder(DiscordSettings settings) {
        JDABuilder builder = JDABuilder.createLight(
                settings.token(), EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT));
        settings.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        settings.gatewayUrl()
                .ifPresent(url -> builder.setSessionController(new ConcurrentSessionController() {
                            @Override
                            public String getGateway() {
                                return url;
                            }
                        })
                        .setCompression(Compression.NONE)
                        .setGatewayEncoding(GatewayEncoding.JSON));
        return builder;
    }

    private static void awaitReady(JDA jda, Duration timeout) {
        ExecutorService waiter = Executors.newSingleThreadExecutor(daemonThreads("discord-ready-"));
        try {
            waiter.submit(jda::awaitReady).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(
                    "Discord session not ready within " + timeout.toMillis() + " ms (status " + jda.getStatus() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Discord session", e);
        } finally {
            waiter.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the session and waits (bounded) for answers under way. */
    @Override
    public void close() {
        jda.shutdown();
        workers.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT)) {
                jda.shutdownNow();
                jda.awaitShutdown(SHUTDOWN_TIMEOUT);
            }
            workers.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
