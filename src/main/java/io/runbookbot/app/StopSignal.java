package io.runbookbot.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop: the serving thread wakes up, closes everything
 * and returns exit code 0 (the JVM's default would be 143). A shutdown hook covers other ways the
 * JVM may end, waiting a little for the close to finish.
 */
final class StopSignal {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Installs the handlers; call once, from {@code serve}. */
    static StopSignal install() {
        StopSignal signal = new StopSignal();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), s -> signal.stop.countDown());
            } catch (IllegalArgumentException e) {
                // this platform does not have the signal, or the JVM reserves it (-Xrs)
            }
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            signal.stop.countDown();
                            try {
                                signal.stopped.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "runbook-bot-shutdown"));
        return signal;
    }

    void awaitStop() throws InterruptedException {
        stop.await();
    }

    void stopped() {
        stopped.countDown();
    }
}
