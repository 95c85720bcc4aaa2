package io.runbookbot.http;

import java.util.List;
import java.util.function.Function;

/**
 * What a listener may decide from a request's head alone, before a byte of its body is read: a
 * request that will be refused anyway (say, one without credentials) is handed to the handler
 * with no body, and its connection is closed after the answer.
 */
@FunctionalInterface
public interface HeadCheck {
    /** Reads every body (within the listener's limits). */
    HeadCheck ALWAYS = (method, path, headers) -> true;

    /**
     * @param path    the path as sent, still percent-encoded
     * @param headers every value of a header by name (case-insensitive), empty when absent
     * @return false to skip reading the body
     */
    boolean wantsBody(String method, String path, Function<String, List<String>> headers);
}
