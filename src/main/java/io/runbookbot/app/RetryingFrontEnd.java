package io.runbookbot.app;

import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.http.HttpListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A front end that failed to start and is started again in the background, with pauses that
 * double up to a cap, until it starts or {@code serve} stops. Until then it is not ready and its
 * {@link #startFailure()} is the latest cause, so /readyz names it; a Slack host that did not
 * resolve at boot comes back by itself instead of staying dead behind a healthy /healthz.
 */
final class RetryingFrontEnd implements FrontEnd {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingFrontEnd.class);

    private final String name;
    private final String platform;
    private final Supplier<FrontEnd> start;
    private final Duration max;
    private final ScheduledExecutorService timer;
    private Duration pause;
    private volatile FrontEnd current;
    private boolean closed;

    private RetryingFrontEnd(
            String name, String platform, Supplier<FrontEnd> start, String cause, Duration first, Duration max) {
        this.name = name;
        this.platform = platform;
        this.start = start;
        this.pause = first;
        this.max = max;
        this.current = FrontEnds.failed(name, retrying(cause));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-restart");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the front end; when that fails, logs the cause and returns a front end that keeps
     * trying, first after {@code first}, then after twice the last pause, at most {@code max}.
     */
    static FrontEnd start(String name, String platform, Supplier<FrontEnd> start, Duration first, Duration max) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            String cause = StartFailures.describe(e);
            LOG.error(
                    "The {} front end failed to start: {}. The other front ends keep serving; /readyz reports it;"
                            + " trying again in {} s.",
                    platform,
                    cause,
                    first.toSeconds(),
                    e);
            RetryingFrontEnd retrying = new RetryingFrontEnd(name, platform, start, cause, first, max);
            retrying.schedule();
            return retrying;
        }
    }

    private synchronized void schedule() {
        if (!closed) {
            timer.schedule(this::attempt, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt() {
        FrontEnd started;
        try {
            started = start.get();
        } catch (RuntimeException e) {
            String cause = StartFailures.describe(e);
            synchronized (this) {
                pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
                current = FrontEnds.failed(name, retrying(cause));
            }
            LOG.warn(
                    "The {} front end still cannot start: {}; trying again in {} s",
                    platform,
                    cause,
                    pause.toSeconds());
            schedule();
            return;
        }
        synchronized (this) {
            if (closed) {
                started.close();
                return;
            }
            current = started;
        }
        LOG.info("The {} front end started", platform);
        timer.shutdown();
    }

    private static String retrying(String cause) {
        return cause + " (retrying in the background)";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ready() {
        return current.ready();
    }

    @Override
    public Optional<String> startFailure() {
        return current.startFailure();
    }

    @Override
    public Optional<HttpListener.Stats> httpStats() {
        return current.httpStats();
    }

    @Override
    public Optional<AlertDestination> alerts() {
        return current.alerts();
    }

    @Override
    public void close() {
        FrontEnd last;
        synchronized (this) {
            closed = true;
            last = current;
        }
        timer.shutdownNow();
        last.close();
    }
}
