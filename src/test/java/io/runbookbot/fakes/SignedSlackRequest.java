package io.runbookbot.fakes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed HTTP-mode request from "Slack" to the app, ready to {@link #post(URI)}.
 *
 * @param contentType the body's content type
 * @param body the exact bytes that were signed
 * @param headers the signing headers plus any added with {@link #withHeader}
 */
public record SignedSlackRequest(String contentType, String body, Map<String, String> headers) {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public SignedSlackRequest {
        headers = Map.copyOf(headers);
    }

    /** A copy with one more header. */
    public SignedSlackRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SignedSlackRequest(contentType, body, copy);
    }

    /** A copy marked as Slack's retry: {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}. */
    public SignedSlackRequest withRetry(int retryNum, String reason) {
        return withHeader("X-Slack-Retry-Num", Integer.toString(retryNum)).withHeader("X-Slack-Retry-Reason", reason);
    }

    /** Posts to the app under test and returns its answer (10 s timeout). */
    public HttpResponse<String> post(URI appEndpoint) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(appEndpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
