package io.runbookbot.agent.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the commands of this JVM when it dies, however it dies ({@code kill -9} and the OOM killer
 * included), so that no command keeps running as an orphan.
 *
 * <p>Why this design. Java cannot call {@code prctl(PR_SET_PDEATHSIG)}, and the util-linux
 * {@code setpriv --pdeathsig} is not robust: the signal fires when the <em>thread</em> that spawned
 * the child exits (a pool thread retiring would kill a healthy run), it covers only the direct
 * child (not what the command forks), and it is cleared when a set-user-ID program is executed.
 * Instead:
 * <ul>
 *   <li>every command starts in its own session and process group through util-linux
 *       {@code setsid} (on every Debian and Ubuntu: util-linux is essential). The child of the JVM
 *       is not a group leader, so {@code setsid} does not fork: the pid the runner sees is the
 *       group id, and everything the command forks stays in that group unless it detaches itself;</li>
 *   <li>a watchdog ({@code /bin/sh} running the fixed {@link #SCRIPT}, which never sees user text:
 *       only numbers this class writes) reads group ids from a pipe: {@code +PGID} when a command
 *       starts, {@code -PGID} when it has ended (the group is killed then, catching stragglers).
 *       When the JVM dies the kernel closes the pipe, the watchdog reads end-of-file and sends
 *       SIGKILL to every group still registered, then exits. It ignores SIGINT, SIGHUP and SIGTERM,
 *       so a Ctrl-C to the terminal's process group leaves it to the agent's orderly shutdown.</li>
 * </ul>
 * Limits: a command that detaches into a new session of its own, or a JVM killed in the
 * microseconds between starting a child and registering it, escapes; so does everything when
 * the watchdog itself is killed together with the JVM (e.g. SIGKILL to the whole process group):
 * under systemd the unit's cgroup covers that. If the watchdog dies alone it is restarted with
 * the groups still running.
 */
final class ChildReaper implements AutoCloseable {
    static final String SCRIPT = """
            trap '' INT HUP TERM QUIT PIPE
            live=' '
            while IFS= read -r line; do
              case "$line" in
                +[0-9]*) live="$live${line#+} " ;;
                -[0-9]*) g=${line#-}
                  kill -9 -"$g" 2>/dev/null
                  case "$live" in *" $g "*) live="${live%% $g *} ${live#* $g }" ;; esac ;;
              esac
            done
            for g in $live; do kill -9 -"$g" 2>/dev/null; done
            """;
    private static final Logger LOG = LoggerFactory.getLogger(ChildReaper.class);
    private static final Path SH = Path.of("/bin/sh");
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;
    /** Groups registered and not yet ended; guarded by {@code this}. */
    private final Set<Long> live = new LinkedHashSet<>();
    private Process watchdog;
    private OutputStream pipe;
    private boolean closed;

    private ChildReaper(Path setsid) {
        this.setsid = setsid;
    }

    /** A reaper, or empty (with a warning) where {@code /bin/sh} or util-linux {@code setsid} is missing. */
    static Optional<ChildReaper> create() {
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        if (setsid.isEmpty() || !Files.isExecutable(SH)) {
            LOG.warn("no /bin/sh or util-linux setsid on this host: commands still running when this process"
                    + " is killed (kill -9) are not cleaned up");
            return Optional.empty();
        }
        return Optional.of(new ChildReaper(setsid.get()));
    }

    /** {@code command} prefixed so that it starts in a new session and process group of its own. */
    List<String> inOwnGroup(List<String> command) {
        List<String> out = new java.util.ArrayList<>(command.size() + 1);
        out.add(setsid.toString());
        out.addAll(command);
        return out;
    }

    /** Watches the group of a command that has just started. */
    synchronized void started(long pgid) {
        live.add(pgid);
        send("+" + pgid);
    }

    /** Kills what is left of an ended command's group and stops watching it. */
    synchronized void ended(long pgid) {
        if (live.remove(pgid)) {
            send("-" + pgid);
        }
    }

    /** The watchdog's pid, when one is running (for tests). */
    synchronized Optional<Long> watchdogPid() {
        return watchdog == null || !watchdog.isAlive() ? Optional.empty() : Optional.of(watchdog.pid());
    }

    private void send(String line) {
        if (closed) {
            return;
        }
        try {
            ensureWatchdog();
            write(line);
        } catch (IOException first) {
            // the watchdog died: start another and tell it every group still running
            try {
                stopWatchdog();
                ensureWatchdog();
                for (long g : live) {
                    write("+" + g);
                }
            } catch (IOException again) {
                LOG.error("cannot run the process watchdog: commands running when this process is killed will"
                        + " not be cleaned up", again);
            }
        }
    }

    private void write(String line) throws IOException {
        pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
    }

    private void ensureWatchdog() throws IOException {
        if (watchdog != null && watchdog.isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(SH.toString(), "-c", SCRIPT)
                .directory(Path.of("/").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(CommandRunner.ENVIRONMENT);
        watchdog = builder.start();
        pipe = watchdog.getOutputStream();
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            try {
                pipe.close();
            } catch (IOException e) {
                // already gone
            }
            watchdog = null;
        }
    }

    /** Closes the pipe: the watchdog kills the groups still registered and exits. */
    @Override
    public synchronized void close() {
        closed = true;
        stopWatchdog();
    }
}
