package io.runbookbot.fakes;

import com.slack.api.bolt.App;
import io.runbookbot.slack.SlackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;

/** A Bolt app in HTTP mode on an ephemeral 127.0.0.1 port, served by the production {@link SlackHttpServer}. */
final class BoltHttpBridge implements AutoCloseable {
    private final SlackHttpServer server;

    BoltHttpBridge(App app) {
        try {
            server = SlackHttpServer.start(app, new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
    }

    @Override
    public void close() {
        server.close();
    }
}
