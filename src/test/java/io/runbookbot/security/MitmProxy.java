package io.runbookbot.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A man in the middle on 127.0.0.1: reads each request off a raw socket, forwards it unchanged to
 * the real agent, then hands the agent's real answer to {@code rewrite} and sends what that
 * returns. One exchange per connection.
 */
final class MitmProxy implements AutoCloseable {
    /** What the proxy sends back for a request, given the agent's real answer to it. */
    interface Rewrite {
        RawHttp answer(RawHttp request, RawHttp realAnswer);
    }

    private final ServerSocket server;
    private final URI agent;
    private final Rewrite rewrite;
    private final AtomicInteger exchanges = new AtomicInteger();

    private MitmProxy(ServerSocket server, URI agent, Rewrite rewrite) {
        this.server = server;
        this.agent = agent;
        this.rewrite = rewrite;
    }

    static MitmProxy start(URI agent, Rewrite rewrite) throws IOException {
        MitmProxy proxy = new MitmProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), agent, rewrite);
        Thread t = new Thread(proxy::acceptLoop, "mitm-proxy");
        t.setDaemon(true);
        t.start();
        return proxy;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Exchanges relayed so far (proves the traffic went through the proxy). */
    int exchanges() {
        return exchanges.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                relay(client);
            } catch (IOException e) {
                // next connection
            }
        }
    }

    private void relay(Socket client) throws IOException {
        Optional<RawHttp> request = RawHttp.read(client.getInputStream());
        if (request.isEmpty()) {
            return;
        }
        RawHttp real;
        try (Socket upstream = new Socket(agent.getHost(), agent.getPort())) {
            upstream.setSoTimeout(10_000);
            upstream.getOutputStream().write(request.get().bytes());
            upstream.getOutputStream().flush();
            InputStream in = upstream.getInputStream();
            real = RawHttp.read(in).orElseThrow(() -> new IOException("agent closed"));
        }
        RawHttp answer = rewrite.answer(request.get(), real);
        OutputStream out = client.getOutputStream();
        exchanges.incrementAndGet(); // before the client can read the answer and ask how many there were
        out.write(answer.withBody(answer.body()).bytes());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
