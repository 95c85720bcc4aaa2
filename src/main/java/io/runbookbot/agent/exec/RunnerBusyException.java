package io.runbookbot.agent.exec;

/**
 * No run slot freed within the queue wait: the request was not run and may be retried. The
 * message is written for the person who asked.
 */
public class RunnerBusyException extends RuntimeException {

    public RunnerBusyException(String message) {
        super(message);
    }
}
