package io.runbookbot.search.eval;

import java.util.ArrayList;
import java.util.List;

/** Writes one pasted block of a {@link PastedBlocks.Shape} of about {@code lines} lines around an error line. */
final class ShapeWriter {
    private static final List<String> JAVA_TYPES = List.of(
            "java.lang.IllegalStateException",
            "java.lang.RuntimeException",
            "java.io.IOException",
            "java.io.UncheckedIOException",
            "com.example.app.ServiceException",
            "java.util.concurrent.CompletionException");
    private static final List<String> WRAPPER_MESSAGES =
            List.of("Request processing failed", "Error executing task", "Unexpected error", "Handler dispatch failed");
    private static final List<String> JAVA_FRAMES = List.of(
            "com.example.app.service.ItemService.load(ItemService.java:{n})",
            "com.example.app.web.ItemController.get(ItemController.java:{n})",
            "com.example.app.jobs.JobRunner.runOnce(JobRunner.java:{n})",
            "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
            "java.base/java.lang.reflect.Method.invoke(Method.java:580)",
            "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
            "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
            "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:{n})",
            "org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:{n})",
            "io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569)",
            "java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)");
    private static final List<String> JAVA_TAIL = List.of(
            "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)",
            "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)",
            "java.base/java.lang.Thread.run(Thread.java:1583)");
    private static final List<String> PY_TYPES =
            List.of("RuntimeError", "Exception", "OSError", "ValueError", "app.errors.TaskError");
    private static final List<String[]> PY_FRAMES = List.of(
            new String[] {"/app/venv/lib/python3.11/site-packages/worker/runner.py", "run", "result = self.handler(job)"
            },
            new String[] {"/app/worker/tasks.py", "handle", "return process(payload)"},
            new String[] {"/app/worker/tasks.py", "process", "data = client.fetch(item_id, timeout=30)"},
            new String[] {
                "/usr/lib/python3.11/concurrent/futures/thread.py", "run", "result = self.fn(*self.args, **self.kwargs)"
            },
            new String[] {
                "/app/venv/lib/python3.11/site-packages/click/core.py",
                "invoke",
                "return ctx.invoke(self.callback, **ctx.params)"
            },
            new String[] {"/app/service/main.py", "<module>", "main()"});
    private static final List<String> EVENTS = List.of(
            "Normal   Scheduled  {age}  default-scheduler  Successfully assigned prod/{pod} to node-{small}",
            "Normal   Pulled     {age}  kubelet            Container image \"registry.example.com/app:1.4.{n}\" already present on machine",
            "Normal   Created    {age}  kubelet            Created container app",
            "Normal   Started    {age}  kubelet            Started container app",
            "Normal   Killing    {age}  kubelet            Stopping container sidecar");
    private static final List<String> SYSTEMD = List.of(
            "systemd[1]: Started Session {n} of User core.",
            "systemd[1]: Starting Daily Cleanup of Temporary Directories...",
            "systemd[1]: Finished Daily Cleanup of Temporary Directories.",
            "sshd[{n}]: Accepted publickey for core from {ip} port {n} ssh2",
            "kernel: IPv6: ADDRCONF(NETDEV_CHANGE): veth{hex}: link becomes ready",
            "containerd[{n}]: time=\"{ts}\" level=info msg=\"shim disconnected\" id={hex}");

    private final LogNoise noise;
    private final String error;
    private final int lines;
    private final List<String> out = new ArrayList<>();
    private final String host;
    private final String component;
    private final int pid;

    ShapeWriter(LogNoise noise, String error, int lines) {
        this.noise = noise;
        this.error = error;
        this.lines = lines;
        this.host = "node-" + noise.between(1, 40);
        this.component = noise.pick(LogNoise.COMPONENTS);
        this.pid = noise.between(1, 40000);
    }

    List<String> write(PastedBlocks.Shape shape) {
        switch (shape) {
            case LOG ->
                log(noise.pick(
                        List.of(LogFormat.LOGBACK, LogFormat.ISO, LogFormat.LOGFMT, LogFormat.KLOG, LogFormat.PYTHON)));
            case JSON_LOG -> log(LogFormat.JSON);
            case JAVA -> java();
            case PYTHON -> python();
            case KUBECTL -> kubectl();
            case SYSTEMD -> systemd();
        }
        return out;
    }

    private void log(LogFormat format) {
        if (noise.chance(0.3)) {
            out.add("$ kubectl logs -n prod " + noise.pod() + " --tail=" + noise.between(20, 200));
        }
        int before = noise.between(0, Math.max(0, lines - 2));
        noiseLines(format, before);
        out.add(format.line(noise, noise.pick(List.of("ERROR", "ERROR", "FATAL")), component, error, host, pid));
        noiseLines(format, lines - out.size());
    }

    private void noiseLines(LogFormat format, int n) {
        for (int i = 0; i < n; i++) {
            String[] m = noise.message();
            out.add(format.line(noise, m[0], noise.pick(LogNoise.COMPONENTS), m[1], host, pid));
        }
    }

    private void java() {
        int budget = Math.max(4, lines);
        int before = noise.between(0, budget / 4);
        noiseLines(LogFormat.LOGBACK, before);
        out.add(LogFormat.LOGBACK.line(
                noise, "ERROR", component, noise.pick(WRAPPER_MESSAGES) + " [" + noise.uuid() + "]", host, pid));
        boolean wrapped = noise.chance(0.5);
        String first = wrapped ? noise.pick(WRAPPER_MESSAGES) : error;
        out.add(noise.pick(JAVA_TYPES) + ": " + first);
        int frames = Math.max(2, (budget - out.size()) / 2);
        javaFrames(frames);
        if (wrapped || noise.chance(0.5)) {
            out.add("Caused by: " + noise.pick(JAVA_TYPES) + ": " + error);
            javaFrames(Math.max(2, budget - out.size() - 2));
            out.add("\t... " + noise.between(8, 60) + " more");
        }
        noiseLines(LogFormat.LOGBACK, Math.max(0, budget - out.size()));
    }

    private void javaFrames(int n) {
        int body = Math.max(0, n - JAVA_TAIL.size());
        while (body > 0) {
            String frame = "\tat " + noise.fill(noise.pick(JAVA_FRAMES));
            int repeat = noise.chance(0.2) ? noise.between(2, 4) : 1;
            for (int r = 0; r < repeat && body > 0; r++, body--) {
                out.add(frame);
            }
        }
        JAVA_TAIL.forEach(f -> out.add("\tat " + f));
    }

    private void python() {
        int budget = Math.max(5, lines);
        noiseLines(LogFormat.PYTHON, noise.between(0, budget / 4));
        out.add(LogFormat.PYTHON.line(
                noise, "ERROR", component, "Unhandled exception in task " + noise.uuid(), host, pid));
        boolean chained = budget > 20 && noise.chance(0.4);
        traceback(chained ? (budget - out.size()) / 2 - 2 : budget - out.size() - 2);
        out.add(noise.pick(PY_TYPES) + ": " + error);
        if (chained) {
            out.add("");
            out.add("The above exception was the direct cause of the following exception:");
            out.add("");
            traceback(Math.max(3, budget - out.size() - 1));
            out.add("app.errors.TaskError: task " + noise.uuid() + " failed");
        }
    }

    private void traceback(int lines) {
        out.add("Traceback (most recent call last):");
        for (int i = 0; i < Math.max(1, lines / 2); i++) {
            String[] f = noise.pick(PY_FRAMES);
            out.add("  File \"" + f[0] + "\", line " + noise.between(12, 480) + ", in " + f[1]);
            out.add("    " + f[2]);
        }
    }

    private void kubectl() {
        String pod = noise.pod();
        out.add("$ kubectl describe pod " + pod + " -n prod");
        List<String> header = List.of(
                "Name:             " + pod,
                "Namespace:        prod",
                "Priority:         0",
                "Node:             " + host + "/" + noise.ip(),
                "Start Time:       Sat, 28 Nov 2026 03:1" + noise.between(0, 9) + ":0" + noise.between(0, 9) + " +0000",
                "Labels:           app=" + component,
                "                  pod-template-hash=" + pod.split("-")[pod.split("-").length - 2],
                "Status:           Running",
                "IP:               " + noise.ip(),
                "Controlled By:    ReplicaSet/" + pod.substring(0, pod.lastIndexOf('-')),
                "QoS Class:        Burstable",
                "Tolerations:      node.kubernetes.io/not-ready:NoExecute op=Exists for 300s");
        int room = Math.max(0, lines - 10);
        out.addAll(header.subList(0, Math.min(header.size(), room)));
        out.add("Events:");
        out.add("  Type     Reason     Age                From               Message");
        out.add("  ----     ------     ----               ----               -------");
        int events = Math.max(2, lines - out.size() - 1);
        int at = noise.between(1, events - 1);
        for (int i = 0; i < events; i++) {
            if (i == at) {
                out.add("  Warning  Failed     " + noise.between(1, 9) + "m" + noise.between(1, 59) + "s (x"
                        + noise.between(2, 30) + " over " + noise.between(10, 59) + "m)  kubelet  " + error);
            } else {
                out.add("  " + noise.fill(noise.pick(EVENTS).replace("{age}", noise.between(2, 59) + "m")));
            }
        }
    }

    private void systemd() {
        String unit = noise.pick(List.of("app", "worker", "api", "agent"));
        out.add("$ journalctl -u " + unit + ".service --since \"10 min ago\"");
        int before = noise.between(0, Math.max(0, lines - 6));
        for (int i = 0; i < before; i++) {
            out.add(syslog(noise.chance(0.5) ? systemdLine() : unit + "[" + pid + "]: " + noise.message()[1]));
        }
        out.add(syslog(unit + "[" + pid + "]: " + error));
        out.add(syslog("systemd[1]: " + unit + ".service: Main process exited, code=exited, status=1/FAILURE"));
        out.add(syslog("systemd[1]: " + unit + ".service: Failed with result 'exit-code'."));
        out.add(syslog("systemd[1]: " + unit + ".service: Scheduled restart job, restart counter is at "
                + noise.between(1, 9) + "."));
        for (int i = out.size(); i < lines; i++) {
            out.add(syslog(systemdLine()));
        }
    }

    private String systemdLine() {
        return noise.fill(noise.pick(SYSTEMD).replace("{ts}", "2026-11-28T03:2" + noise.between(0, 9) + ":00Z"));
    }

    /** A journalctl line: time, host, then {@code rest} ("unit[pid]: message"). */
    private String syslog(String rest) {
        return LogFormat.SYSLOG.line(noise, "INFO", "", "", host, 0).replaceFirst(" \\[0\\]: $", " ") + rest;
    }
}
