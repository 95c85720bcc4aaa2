package io.runbookbot.http;

/**
 * Answers one request on a worker thread, with the body already read. It calls
 * {@link Exchange#respond} once; a handler that throws or returns without answering gets a 500.
 */
@FunctionalInterface
public interface ExchangeHandler {
    void handle(Exchange exchange) throws Exception;
}
