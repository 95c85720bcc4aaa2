package io.runbookbot.agent.exec;

import java.util.concurrent.TimeUnit;

/** The test JVM's own child processes. */
public final class ChildProcesses {
    private ChildProcesses() {}

    /** Waits until this JVM has a child process running {@code command} (the event, not a fixed pause). */
    public static void awaitChild(String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current()
                .descendants()
                .noneMatch(p -> p.info().command().orElse("").endsWith("/" + command))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + command + " process started");
            }
            Thread.sleep(10);
        }
    }
}
