/**
 * The one HTTP listener behind the agent's API, Slack HTTP mode and {@code /healthz}: Jetty core
 * (no servlets) with a deadline for each request head and body, caps on connections per client
 * address and in total, a body size limit, and handlers on a bounded pool of their own, so that
 * idle or slow connections hold no thread and cannot delay other requests. Depends only on the
 * JDK, Jetty, SLF4J and JSpecify.
 */
@NullMarked
package io.runbookbot.http;

import org.jspecify.annotations.NullMarked;
