package io.runbookbot.diagnostics;

import java.net.URI;
import java.util.Objects;

/**
 * One agent the bot may call.
 *
 * @param name   the name people use ({@code --agent web-1})
 * @param url    its base URL, {@code http(s)://host:port}
 * @param secret where its shared secret is kept
 */
public record AgentEntry(String name, URI url, AgentSecretRef secret) {
    public AgentEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    /** The URL of an API path such as {@code /v1/run}. */
    URI resolve(String path) {
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
