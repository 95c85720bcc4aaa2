package io.runbookbot.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty side of a listener: reads each body without holding a thread (Jetty calls back as
 * bytes arrive), under a deadline and a size limit, then hands the request to a worker. Nothing
 * here waits, so it runs on Jetty's own threads.
 */
final class RequestReader extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReader.class);

    private final String name;
    private final HttpLimits limits;
    private final HeadCheck headCheck;
    private final ExchangeHandler handler;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ConnectionGuard guard;
    private final AtomicLong bodyTimeouts = new AtomicLong();

    RequestReader(
            String name,
            HttpLimits limits,
            HeadCheck headCheck,
            ExchangeHandler handler,
            ExecutorService workers,
            ScheduledExecutorService timer,
            ConnectionGuard guard) {
        this.name = name;
        this.limits = limits;
        this.headCheck = headCheck;
        this.handler = handler;
        this.workers = workers;
        this.timer = timer;
        this.guard = guard;
    }

    long bodyTimeouts() {
        return bodyTimeouts.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (!guard.begin(connection)) {
            callback.failed(new IllegalStateException("connection closed: no request head in time"));
            return true;
        }
        Callback done = Callback.from(
                () -> {
                    guard.end(connection);
                    callback.succeeded();
                },
                failure -> {
                    guard.end(connection);
                    callback.failed(failure);
                });
        new Body(request, response, done).start();
        return true;
    }

    /** Reads one body; exactly one of finish, expire and fail wins. */
    private final class Body implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback done;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicBoolean over = new AtomicBoolean();
        private @Nullable ScheduledFuture<?> deadline;

        Body(Request request, Response response, Callback done) {
            this.request = request;
            this.response = response;
            this.done = done;
        }

        void start() {
            if (request.getLength() > limits.maxBodyBytes()
                    || !headCheck.wantsBody(
                            request.getMethod(),
                            request.getHttpURI().getPath(),
                            name -> request.getHeaders().getValuesList(name))) {
                finish(false);
                return;
            }
            deadline = timer.schedule(this::expire, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived, then asks Jetty to call again when there is more. */
        @Override
        public void run() {
            while (!over.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail();
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                boolean tooLarge = bytes.size() + buffer.remaining() > limits.maxBodyBytes();
                if (!tooLarge) {
                    byte[] part = new byte[buffer.remaining()];
                    buffer.get(part);
                    bytes.write(part, 0, part.length);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (tooLarge || last) {
                    finish(!tooLarge);
                    return;
                }
            }
        }

        private void finish(boolean complete) {
            if (over.compareAndSet(false, true)) {
                cancelDeadline();
                dispatch(new Exchange(request, response, done, complete ? bytes.toByteArray() : null));
            }
        }

        private void expire() {
            if (over.compareAndSet(false, true)) {
                bodyTimeouts.incrementAndGet();
                new Exchange(request, response, done, null)
                        .respondText(
                                408,
                                "the request body did not arrive within "
                                        + limits.bodyTimeout().toSeconds() + " s");
            }
        }

        /** The connection failed or went idle mid-body: nobody is there to answer. */
        private void fail() {
            if (over.compareAndSet(false, true)) {
                cancelDeadline();
                bodyTimeouts.incrementAndGet();
                new Exchange(request, response, done, null).respondText(408, "the request body stopped arriving");
            }
        }

        private void cancelDeadline() {
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }
    }

    private void dispatch(Exchange exchange) {
        try {
            workers.execute(() -> answer(exchange));
        } catch (RejectedExecutionException e) {
            exchange.respondText(503, "busy: too many requests waiting; try again shortly");
        }
    }

    /** Runs the handler; a failure (even an {@link Error}) becomes a 500 with an incident id, never a dead worker. */
    private void answer(Exchange exchange) {
        try {
            handler.handle(exchange);
        } catch (Exception | Error e) {
            String incident = HexFormat.of()
                    .toHexDigits(ThreadLocalRandom.current().nextLong())
                    .substring(0, 12);
            LOG.error("incident {}: {} {} {} failed", incident, name, exchange.method(), exchange.path(), e);
            if (!exchange.answered()) {
                exchange.respondText(500, "internal error; incident " + incident);
            }
            return;
        }
        if (!exchange.answered()) {
            LOG.error("{}: {} {} was not answered", name, exchange.method(), exchange.path());
            exchange.respondText(500, "internal error: no answer");
        }
    }
}
