package io.runbookbot.agent.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses {@code --listen HOST:PORT} ({@code [::1]:7070} for IPv6; an empty host means 127.0.0.1). */
public final class ListenAddress {
    private ListenAddress() {}

    /** @throws IllegalArgumentException with a message naming what is wrong */
    public static InetSocketAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:7070");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be from 0 to 65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host.isEmpty() ? "127.0.0.1" : host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
    }
}
