package io.runbookbot.cli;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistException;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.protocol.InvalidSecretException;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.protocol.SignatureVerifier;
import io.runbookbot.agent.server.AgentServer;
import io.runbookbot.agent.server.AgentSettings;
import io.runbookbot.agent.server.AllowlistExecutor;
import io.runbookbot.agent.server.ListenAddress;
import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent --allowlist FILE}: the process on a target host that runs allowlisted commands for
 * signed requests. The shared secret comes from {@value SharedSecret#DEFAULT_ENV} or
 * {@code --secret-file}, never from the command line. Runs until SIGTERM or Ctrl-C.
 */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = "Serve allowlisted, read-only diagnostics to the bot over signed HTTP (runs until stopped).")
public final class AgentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    private final Function<String, Optional<String>> environment;

    /** @param environment looks up environment variables (the app hands it in; cli never reads the environment) */
    public AgentCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Option(names = "--allowlist", required = true, paramLabel = "FILE", description = "The allowlist (YAML).")
    Path allowlist;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:7070",
            description = "Address to listen on; port 0 picks a free one (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--allow-remote", description = "Required to listen on a non-loopback address.")
    boolean allowRemote;

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = "File holding the shared secret (mode 600); default: environment variable "
                    + SharedSecret.DEFAULT_ENV + ".")
    @Nullable
    Path secretFile;

    @Option(
            names = "--max-concurrent",
            paramLabel = "N",
            defaultValue = "4",
            description = "Commands running at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(
            names = "--queue-wait-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description =
                    "How long a run may wait for a worker and a run slot before 429 busy (default: ${DEFAULT-VALUE}).")
    long queueWaitMillis;

    @Option(
            names = "--audit-log",
            paramLabel = "FILE",
            defaultValue = "runbook-agent-audit.jsonl",
            description = "Audit log (JSON lines): a started line before each run (no run without it) and a"
                    + " finished line after; one line per refused request, unauthenticated ones at most 5 per kind"
                    + " per minute plus a count (default: ${DEFAULT-VALUE}).")
    Path auditLog;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "This agent's name in audit lines (default: host name).")
    @Nullable
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        InetSocketAddress address = address();
        Allowlist commands = loadAllowlist();
        SignatureVerifier verifier = new SignatureVerifier(secret());
        CommandRunner runner = new CommandRunner(maxConcurrent, Duration.ofMillis(queueWaitMillis));
        AuditLog audit = AuditLog.open(auditLog);
        AgentSettings settings = AgentSettings.of(
                address, name == null ? hostName() : name, maxConcurrent, Duration.ofMillis(queueWaitMillis));
        AgentServer server;
        try {
            server = AgentServer.start(settings, new AllowlistExecutor(commands, runner), verifier, audit);
        } catch (java.net.BindException e) {
            runner.close();
            audit.close();
            throw new UserFacingException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, runner, audit, stopped), "agent-shutdown"));
        LOG.info(
                "agent {} listening on {} | allowlist {} ({} commands) | max concurrent {}, queue wait {} ms | "
                        + "audit log {} | secret from {}",
                settings.agentName(),
                server.address().getHostString() + ":" + server.address().getPort(),
                allowlist,
                commands.commands().size(),
                maxConcurrent,
                queueWaitMillis,
                auditLog.toAbsolutePath(),
                secretSource());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "runbook-bot agent ready on http://%s:%d%n",
                server.address().getHostString(), server.address().getPort());
        out.flush();
        stopped.await();
        return 0;
    }

    private static void stop(AgentServer server, CommandRunner runner, AuditLog audit, CountDownLatch stopped) {
        LOG.info("agent stopping: finishing requests in flight");
        server.close();
        runner.close();
        try {
            audit.close();
        } catch (IOException e) {
            LOG.warn("could not close the audit log cleanly", e);
        }
        stopped.countDown();
    }

    private InetSocketAddress address() {
        InetSocketAddress address;
        try {
            address = ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--listen " + listen + ": " + e.getMessage());
        }
        if (!address.getAddress().isLoopbackAddress()) {
            if (!allowRemote) {
                throw new UserFacingException("--listen " + listen + " is reachable from the network: requests are"
                        + " signed but travel in clear HTTP; put it on a private network or tunnel and pass"
                        + " --allow-remote to confirm");
            }
            LOG.warn(
                    "listening on non-loopback address {}: make sure only the bot can reach it",
                    address.getAddress().getHostAddress());
        }
        return address;
    }

    private Allowlist loadAllowlist() {
        try {
            return Allowlist.load(allowlist);
        } catch (AllowlistException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private SharedSecret secret() {
        try {
            return SharedSecret.fromFileOrEnv(Optional.ofNullable(secretFile), SharedSecret.DEFAULT_ENV, environment);
        } catch (InvalidSecretException e) {
            throw new UserFacingException(
                    "no usable agent secret: " + e.getMessage()
                            + (secretFile == null
                                    ? "; set " + SharedSecret.DEFAULT_ENV + " or pass --secret-file FILE"
                                    : ""),
                    e);
        }
    }

    private String secretSource() {
        return secretFile == null ? "environment variable " + SharedSecret.DEFAULT_ENV : "file " + secretFile;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "agent";
        }
    }
}
