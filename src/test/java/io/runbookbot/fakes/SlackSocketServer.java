package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/**
 * Slack's Socket Mode endpoint: says {@code hello} to each connection, forwards the envelopes a
 * test pushes and records every frame the app sends back (its acks).
 */
final class SlackSocketServer extends FakeWebSocketServer {

    private final CallLog<JsonNode> acks = new CallLog<>();
    /** One entry per connection opened, for waiting on a reconnect. */
    private final CallLog<String> opened = new CallLog<>();

    CallLog<JsonNode> acks() {
        return acks;
    }

    CallLog<String> opened() {
        return opened;
    }

    /** Sends an envelope to every open connection, waiting up to 5 s for the app to connect. */
    void push(String envelope) {
        awaitConnection(Duration.ofSeconds(5));
        broadcast(envelope);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        ObjectNode hello = Json.template("slack/hello.json");
        hello.put("num_connections", (int) openConnections());
        conn.send(Json.write(hello));
        opened.add(String.valueOf(conn.getRemoteSocketAddress()));
        connectionsChanged();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        acks.add(Json.parse(message));
    }
}
