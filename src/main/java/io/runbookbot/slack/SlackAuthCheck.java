package io.runbookbot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.runbookbot.core.chat.TextChunks;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Calls {@code auth.test} before Bolt does, to say why Slack cannot be used. Bolt's own check
 * turns every failure into "The token is invalid (error: ...)" and drops the cause, so an unknown
 * host reads "The token is invalid (error: slack.com)". Messages never quote a token.
 */
final class SlackAuthCheck {
    private SlackAuthCheck() {}

    /** Returns when Slack accepts the bot token; else throws {@link SlackStartException} naming the cause. */
    static void check(Slack slack, SlackSettings settings) {
        AuthTestResponse answer;
        try {
            answer = slack.methods(settings.botToken()).authTest(r -> r);
        } catch (IOException e) {
            throw new SlackStartException(unreachable(settings.apiUrlPrefix(), e), e);
        } catch (SlackApiException e) {
            throw new SlackStartException(
                    "the Slack API at " + host(settings.apiUrlPrefix()) + " answered auth.test with" + " HTTP "
                            + e.getResponse().code(),
                    e);
        }
        if (!answer.isOk()) {
            throw new SlackStartException("Slack refused the bot token (auth.test error: "
                    + TextChunks.cut(String.valueOf(answer.getError()), 100) + ")");
        }
    }

    /** Why the Web API could not be reached, in words: unknown host, connection refused, timeout, TLS. */
    static String unreachable(String apiUrl, IOException e) {
        String host = host(apiUrl);
        if (e instanceof UnknownHostException) {
            return "cannot reach the Slack API: unknown host " + host + " (DNS lookup failed)";
        }
        if (e instanceof ConnectException) {
            return "cannot connect to the Slack API at " + host + " (" + e.getMessage() + ")";
        }
        if (e instanceof InterruptedIOException) {
            return "the Slack API at " + host + " did not answer in time ("
                    + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof SSLException) {
            return "TLS handshake with the Slack API at " + host + " failed (" + e.getMessage() + ")";
        }
        return "cannot reach the Slack API at " + host + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + ")";
    }

    private static String host(String apiUrl) {
        try {
            URI uri = URI.create(apiUrl);
            return uri.getHost() == null ? apiUrl : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return apiUrl;
        }
    }
}
