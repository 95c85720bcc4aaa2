package io.runbookbot.agent.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *   <li>a watchdog, {@code /bin/sh} running the fixed {@link #WATCHDOG} script, reads process group
 *       ids from a pipe: {@code +PGID} when a command starts, {@code -PGID} when it has ended (the
 *       group is killed then, catching stragglers). When the JVM dies the kernel closes the JVM's end
 *       of the pipe, the watchdog reads end-of-file, sends SIGKILL to every group still registered
 *       and exits. It ignores SIGINT, SIGHUP and SIGTERM, so a Ctrl-C to the terminal's process group
 *       leaves it to the orderly shutdown, which kills the commands and closes the pipe;</li>
 *   <li>every command starts in a new session and process group through util-linux {@code setsid}
 *       (util-linux is essential on Debian and Ubuntu). Its first act, before the allowlisted
 *       program is executed in its place, is to register its group itself: {@link #REGISTER} writes
 *       {@code +PGID} into the watchdog's pipe (through {@code /proc/WATCHDOG/fd/0}) and only then
 *       {@code exec}s the program with the argv untouched (the script never reads it as text).
 *       So no command runs unregistered, even when the JVM is killed right after starting it; a
 *       command that cannot register exits with 126 and runs nothing. Everything it forks stays
 *       in its group unless it starts a new session itself.</li>
 * </ul>
 * Limits: a command that detaches into a session of its own escapes; so does everything when
 * the watchdog is killed together with the JVM (e.g. SIGKILL to the whole process group): under
 * systemd the unit's cgroup covers that. If the watchdog dies alone it is restarted and told the
 * groups still running.
 */
final class ChildReaper implements AutoCloseable {
    static final String WATCHDOG = """
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
    /** $1 is the watchdog's pid, the rest is the command's argv, passed on as is (PWD, which sh adds, is dropped). */
    static final String REGISTER =
            "unset PWD; printf '+%s\\n' \"$$\" >> \"/proc/$1/fd/0\" || exit 126; shift;" + " exec \"$@\"";

    private static final Logger LOG = LoggerFactory.getLogger(ChildReaper.class);
    private static final Path SH = Path.of("/bin/sh");
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;
    /** Groups of commands started and not yet ended; guarded by {@code this}. */
    private final Set<Long> live = new LinkedHashSet<>();

    private Process watchdog;
    private OutputStream pipe;
    private boolean closed;

    private ChildReaper(Path setsid) {
        this.setsid = setsid;
    }

    /**
     * A reaper with its watchdog running, or empty (with a warning) where {@code /bin/sh} or
     * util-linux {@code setsid} is missing or the watchdog cannot start.
     */
    static Optional<ChildReaper> create() {
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        if (setsid.isEmpty() || !Files.isExecutable(SH)) {
            LOG.warn("no /bin/sh or util-linux setsid on this host: commands still running when this process"
                    + " is killed (kill -9) are not cleaned up");
            return Optional.empty();
        }
        ChildReaper reaper = new ChildReaper(setsid.get());
        try {
            reaper.ensureWatchdog();
        } catch (IOException e) {
            LOG.warn(
                    "cannot start the process watchdog ({}): commands still running when this process is killed"
                            + " (kill -9) are not cleaned up",
                    e.toString());
            return Optional.empty();
        }
        return Optional.of(reaper);
    }

    /**
     * {@code command} (argv[0] an absolute path) wrapped so that it starts in a new session and
     * process group and registers that group with the watchdog before the program runs.
     */
    synchronized List<String> inOwnGroup(List<String> command) {
        long pid;
        try {
            pid = ensureWatchdog();
        } catch (IOException e) {
            LOG.error("cannot run the process watchdog: this command is not cleaned up if this process is killed", e);
            return command;
        }
        List<String> out = new ArrayList<>(command.size() + 6);
        out.addAll(List.of(setsid.toString(), SH.toString(), "-c", REGISTER, "runbook-command", String.valueOf(pid)));
        out.addAll(command);
        return out;
    }

    /** Notes a command that has started (it registered itself with the watchdog). */
    synchronized void started(long pgid) {
        live.add(pgid);
    }

    /** Kills what is left of an ended command's group and stops watching it. */
    synchronized void ended(long pgid) {
        if (live.remove(pgid) && !closed) {
            try {
                ensureWatchdog();
                write("-" + pgid);
            } catch (IOException e) {
                LOG.warn("cannot tell the process watchdog that group {} ended: {}", pgid, e.toString());
            }
        }
    }

    private void write(String line) throws IOException {
        pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
    }

    /** The running watchdog's pid; a dead one is replaced and told the groups still running. */
    private long ensureWatchdog() throws IOException {
        if (watchdog != null && watchdog.isAlive()) {
            return watchdog.pid();
        }
        if (watchdog != null) {
            LOG.warn("the process watchdog (pid {}) died; starting another", watchdog.pid());
            stopWatchdog();
        }
        ProcessBuilder builder = new ProcessBuilder(SH.toString(), "-c", WATCHDOG)
                .directory(Path.of("/").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(CommandRunner.ENVIRONMENT);
        watchdog = builder.start();
        pipe = watchdog.getOutputStream();
        for (long g : live) {
            write("+" + g);
        }
        return watchdog.pid();
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
