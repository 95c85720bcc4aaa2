package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.RequestSigner;
import io.runbookbot.agent.protocol.SharedSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A raw HTTP client for tests: sends exactly the headers it is given, signed or not. */
public final class SignedHttp {
    public static final String SECRET = "test-secret-0123456789-abcdefghij-KLMNOP";
    public static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SignedHttp() {}

    public static RequestSigner signer(String secret) {
        return new RequestSigner(SharedSecret.ofText(secret, "test"));
    }

    public static HttpResponse<String> send(
            URI base, String method, String target, String body, Map<String, String> headers, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A correctly signed JSON request. */
    public static HttpResponse<String> signed(URI base, String method, String target, String body)
            throws IOException, InterruptedException {
        return send(
                base,
                method,
                target,
                body,
                signer(SECRET).sign(method, target, body.getBytes(StandardCharsets.UTF_8)),
                "application/json");
    }

    public static String runBody(String id, String params, String caller) {
        return "{\"id\":\"" + id + "\",\"params\":" + params + ",\"caller\":\"" + caller + "\"}";
    }
}
