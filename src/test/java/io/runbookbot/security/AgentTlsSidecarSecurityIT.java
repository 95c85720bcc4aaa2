package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.diagnostics.AgentClient;
import io.runbookbot.diagnostics.AgentEntry;
import io.runbookbot.diagnostics.AgentException;
import io.runbookbot.diagnostics.AgentSecretRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 9 (TLS): the recipe in docs/agent-mtls.md, mutual TLS between two stunnel sidecars (the agent's
 * accepts only the bot's client certificate, the bot's accepts only the agent's server
 * certificate), performed for real with the files and settings it shows. Needs
 * {@code stunnel} and {@code openssl} on the PATH (Debian: {@code apt-get install stunnel4}, which
 * {@code .ci/run} installs); fails without them, so CI cannot pass with the recipe unchecked.
 */
class AgentTlsSidecarSecurityIT {
    private static final SharedSecret SECRET = SharedSecret.ofText(SignedHttp.SECRET, "test");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static AgentProcess agent;
    static Stunnel agentSide;
    static Stunnel botSide;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Stunnel.available())
                .as(
                        "stunnel and openssl on the PATH (apt-get install stunnel4 openssl), needed for the TLS sidecar recipe")
                .isTrue();
        Stunnel.ca(dir, "ca");
        Stunnel.cert(
                dir,
                "agent",
                "ca",
                "/CN=web-1.internal",
                "subjectAltName=DNS:web-1.internal\nextendedKeyUsage=serverAuth\n");
        Stunnel.cert(dir, "bot", "ca", "/CN=runbook-bot", "extendedKeyUsage=clientAuth\n");
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: disk-check
                    description: says how full the disk is
                    argv: [/bin/echo, "disk 97% full"]
                    read_only: true
                """);
        agent = AgentProcess.start(dir, allowlist, dir.resolve("audit.jsonl"), SignedHttp.SECRET);
        agentSide = Stunnel.start(
                dir, "runbook-agent", agentSideService(dir, agent.url().getPort()));
        botSide = Stunnel.start(dir, "agent-web-1", botSideService(dir, agentSide.port()));
    }

    /** The agent host's sidecar: TLS 1.3, its certificate, and only clients with a certificate from our CA. */
    private static String agentSideService(Path dir, int agentPort) {
        return """
                connect = 127.0.0.1:%d
                cert = %s
                key = %s
                CAfile = %s
                verifyChain = yes
                requireCert = yes
                sslVersionMin = TLSv1.3
                """.formatted(agentPort, dir.resolve("agent.crt"), dir.resolve("agent.key"), dir.resolve("ca.crt"));
    }

    /** The bot host's sidecar: presents the bot's certificate, accepts only web-1.internal signed by our CA. */
    private static String botSideService(Path dir, int tlsPort) {
        return """
                client = yes
                connect = 127.0.0.1:%d
                cert = %s
                key = %s
                CAfile = %s
                verifyChain = yes
                checkHost = web-1.internal
                sslVersionMin = TLSv1.3
                """.formatted(tlsPort, dir.resolve("bot.crt"), dir.resolve("bot.key"), dir.resolve("ca.crt"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {botSide, agentSide, agent}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static AgentClient client(int port) {
        return new AgentClient(
                new AgentEntry("web-1", URI.create("http://127.0.0.1:" + port), new AgentSecretRef.EnvVar("X")),
                SECRET);
    }

    @Test
    void botRunsACommandThroughTheMutualTlsSidecars() {
        assertThat(client(botSide.port())
                        .run(new RunRequest("disk-check", Map.of(), "U1"), TIMEOUT)
                        .stdout())
                .isEqualTo("disk 97% full\n");
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        assertThatThrownBy(() -> client(agentSide.port()).run(new RunRequest("disk-check", Map.of(), "U1"), TIMEOUT))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("closed the connection before answering");
    }

    @Test
    void tlsClientWithoutTheBotsCertificateIsRefused() throws Exception {
        assertThat(healthOverTls(context(false))).isEqualTo("HTTP/1.1 200 OK");
        assertThat(healthOverTls(context(true))).isEqualTo("refused");
    }

    @Test
    void impostorAgentWithACertificateFromAnotherCaIsRefusedByTheBotsSidecar() throws Exception {
        Stunnel.ca(dir, "evil-ca");
        Stunnel.cert(
                dir,
                "evil",
                "evil-ca",
                "/CN=web-1.internal",
                "subjectAltName=DNS:web-1.internal\nextendedKeyUsage=serverAuth\n");
        String impostorService = agentSideService(dir, agent.url().getPort())
                .replace(
                        dir.resolve("agent.crt").toString(),
                        dir.resolve("evil.crt").toString())
                .replace(
                        dir.resolve("agent.key").toString(),
                        dir.resolve("evil.key").toString())
                .replace("requireCert = yes\n", "requireCert = no\n")
                .replace("verifyChain = yes\n", "");
        try (Stunnel impostor = Stunnel.start(dir, "impostor", impostorService);
                Stunnel fooledBot = Stunnel.start(dir, "fooled-bot", botSideService(dir, impostor.port()))) {
            assertThatThrownBy(
                            () -> client(fooledBot.port()).run(new RunRequest("disk-check", Map.of(), "U1"), TIMEOUT))
                    .isInstanceOf(AgentException.class)
                    .hasMessageContaining("closed the connection before answering");
            assertThat(Files.readString(dir.resolve("fooled-bot.log")))
                    .contains("certificate verify failed")
                    .as("no request byte reached the impostor")
                    .doesNotContainPattern("[1-9][0-9]* byte\\(s\\) sent to TLS");
        }
    }

    /**
     * A TLS context that trusts our CA and, unless {@code anonymous}, presents the bot's
     * certificate. (A raw socket, so that only the client certificate differs between the two.)
     */
    private static SSLContext context(boolean anonymous) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate(dir.resolve("ca.crt")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (!anonymous) {
            String pem = Files.readString(dir.resolve("bot.key")).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            keys.setKeyEntry("bot", key, new char[0], new Certificate[] {certificate(dir.resolve("bot.crt"))});
        }
        kmf.init(keys, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    private static Certificate certificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The status line of GET /v1/health over TLS to the agent's sidecar, or "refused". */
    private static String healthOverTls(SSLContext ssl) {
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", agentSide.port())) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            socket.getOutputStream()
                    .write("GET /v1/health HTTP/1.1\r\nHost: web-1.internal\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.isEmpty() ? "refused" : answer.substring(0, answer.indexOf("\r\n"));
        } catch (IOException e) {
            return "refused";
        }
    }
}
