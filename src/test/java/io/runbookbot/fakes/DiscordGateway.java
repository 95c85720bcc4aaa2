package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

/**
 * Discord's gateway, JSON encoding, no compression: HELLO (op 10) on open, READY and GUILD_CREATE
 * after IDENTIFY (op 2), HEARTBEAT_ACK (op 11) for each heartbeat (op 1), INVALID_SESSION (op 9)
 * for a RESUME (op 6). Records every frame the client sends.
 */
final class DiscordGateway extends FakeWebSocketServer {

    /** Per-connection sequence number and whether it has identified. */
    private static final class Session {
        private int sequence;
        private volatile boolean identified;
    }

    private final CallLog<JsonNode> frames = new CallLog<>();
    private final DiscordGuild guild;

    DiscordGateway(DiscordGuild guild) {
        this.guild = guild;
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/");
    }

    CallLog<JsonNode> frames() {
        return frames;
    }

    /** Dispatches an event to every identified session, waiting up to 5 s for one to identify. */
    void dispatch(GatewayEvent event) {
        frames.await(f -> f.path("op").asInt() == 2, Duration.ofSeconds(5));
        for (WebSocket conn : identifiedConnections()) {
            send(conn, event.type(), event.data());
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(new Session());
        ObjectNode hello = Json.object().put("op", 10);
        hello.putObject("d").put("heartbeat_interval", 41250);
        conn.send(Json.write(hello));
        connectionsChanged();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame = Json.parse(message);
        switch (frame.path("op").asInt(-1)) {
            case 1:
                conn.send("{\"op\":11}");
                break;
            case 2:
                identify(conn);
                break;
            case 6:
                conn.send("{\"op\":9,\"d\":false}");
                break;
            default:
                break;
        }
        frames.add(frame);
    }

    private void identify(WebSocket conn) {
        Session session = conn.getAttachment();
        synchronized (session) {
            send(conn, "READY", guild.ready(url()));
            send(conn, "GUILD_CREATE", guild.guildCreate());
            session.identified = true;
        }
    }

    private List<WebSocket> identifiedConnections() {
        return getConnections().stream()
                .filter(WebSocket::isOpen)
                .filter(c -> c.<Session>getAttachment().identified)
                .collect(Collectors.toList());
    }

    private static void send(WebSocket conn, String type, ObjectNode data) {
        Session session = conn.getAttachment();
        synchronized (session) {
            ObjectNode dispatch =
                    Json.object().put("op", 0).put("s", ++session.sequence).put("t", type);
            dispatch.set("d", data);
            conn.send(Json.write(dispatch));
        }
    }
}
