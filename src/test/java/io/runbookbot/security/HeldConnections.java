package io.runbookbot.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Real connections to a listener on 127.0.0.1 that are held open the way a slow or hostile client
 * holds them. They come from several loopback addresses (127.x.y.1) so that a per-client cap
 * does not refuse them, or from one address to test that cap. The class then watches which of
 * them the server closes.
 */
final class HeldConnections implements AutoCloseable {
    /** How each connection misbehaves after connecting. */
    enum Attack {
        /** connects and sends nothing */
        SILENT,
        /** sends half a request head and stops */
        UNFINISHED_HEAD,
        /** sends a whole head announcing 100 body bytes, then one byte, then nothing */
        ONE_BODY_BYTE
    }

    private final List<SocketChannel> channels;
    private final Selector selector;
    private int closedByServer;

    private HeldConnections(List<SocketChannel> channels, Selector selector) {
        this.channels = channels;
        this.selector = selector;
    }

    /**
     * Opens {@code count} connections to {@code port}, {@code perAddress} from each of the source
     * addresses {@code 127.<subnet>.1.1}, {@code 127.<subnet>.2.1}, ...
     */
    static HeldConnections open(
            int port, String method, String path, Attack attack, int count, int perAddress, int subnet)
            throws IOException {
        return open(port, method, path, attack, count, perAddress, subnet, "");
    }

    /** As above, with {@code extraHeaders} (each line ending in CRLF) in every request head. */
    static HeldConnections open(
            int port,
            String method,
            String path,
            Attack attack,
            int count,
            int perAddress,
            int subnet,
            String extraHeaders)
            throws IOException {
        Selector selector = Selector.open();
        List<SocketChannel> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            ch.bind(new InetSocketAddress("127." + subnet + "." + (1 + i / perAddress) + ".1", 0));
            ch.connect(new InetSocketAddress("127.0.0.1", port));
            send(ch, attack, method, path, extraHeaders);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            channels.add(ch);
        }
        return new HeldConnections(channels, selector);
    }

    private static void send(SocketChannel ch, Attack attack, String method, String path, String extraHeaders)
            throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
        String text = switch (attack) {
            case SILENT -> "";
            case UNFINISHED_HEAD -> head + "X-Slow: ";
            case ONE_BODY_BYTE -> head + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
        };
        if (!text.isEmpty()) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    int count() {
        return channels.size();
    }

    /** Connections the server has not closed yet (reads whatever arrived, e.g. a 408, without waiting). */
    int stillOpen() throws IOException {
        poll(0);
        return channels.size() - closedByServer;
    }

    /**
     * Waits until the server has closed all but {@code open} connections (e.g. those over a cap it
     * refuses), at most {@code max}; returns how many are still open then.
     */
    int awaitOpenAtMost(int open, Duration max) throws IOException {
        long end = System.nanoTime() + max.toNanos();
        while (channels.size() - closedByServer > open && System.nanoTime() < end) {
            poll(50);
        }
        return stillOpen();
    }

    /** Waits until the server has closed every connection, at most {@code max}; returns the time it took. */
    Duration awaitAllClosed(Duration max) throws IOException {
        long start = System.nanoTime();
        long end = start + max.toNanos();
        while (closedByServer < channels.size() && System.nanoTime() < end) {
            poll(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void poll(long millis) throws IOException {
        if ((millis == 0 ? selector.selectNow() : selector.select(millis)) == 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            SocketChannel ch = (SocketChannel) key.channel();
            int n;
            try {
                do {
                    buffer.clear();
                    n = ch.read(buffer);
                } while (n > 0);
            } catch (IOException reset) {
                n = -1;
            }
            if (n < 0) {
                key.cancel();
                closedByServer++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel ch : channels) {
            ch.close();
        }
        selector.close();
    }
}
