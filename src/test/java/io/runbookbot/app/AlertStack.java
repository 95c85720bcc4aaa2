package io.runbookbot.app;

import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.alert.AlertmanagerProcess;
import io.runbookbot.alert.PrometheusProcess;
import io.runbookbot.alert.TestAlertRules;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything an alert travels through in {@link AlertServeIT}: a real Prometheus 2.42 ({@link
 * TestAlertRules}, labelled {@code source="prometheus"}) and Alertmanager 0.25, {@code serve} as a
 * real process with the fake Slack and the fake Discord as its chats, and a real agent for the
 * checks. The slow starts overlap: serve's and the agent's ports are chosen first, so the agent,
 * serve, Alertmanager and Prometheus (which spends 5 s finding Alertmanager) start side by side;
 * Alertmanager retries until serve answers, and serve calls the agent only for a run.
 */
final class AlertStack implements AutoCloseable {
    static final String TOKEN = "alert-token-for-tests-0123456789";
    static final String ONCALL = "2100000000000000001";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Prometheus' first alerts reach serve about 7 s after it starts, later on a loaded machine. */
    static final Duration PROMETHEUS_WAIT = Duration.ofSeconds(60);

    /**
     * Prometheus' alerts to their own channels on both platforms; the platform team's to Slack; the
     * payments team's to Discord's incident channel and, through {@code continue}, to Slack.
     */
    private static final String ROUTES = """
            routes:
              - name: prometheus
                matchers: ['source="prometheus"']
                slack_channel: C0PROM
                discord_channel: '%s'
              - name: platform
                matchers: ['team="platform"']
                slack_channel: C0PLATFORM
              - name: payments-discord
                matchers: ['team="payments"']
                discord_channel: '%s'
                continue: true
              - name: payments-slack
                matchers: ['team="payments"']
                slack_channel: C0PAYMENTS
            default:
              slack_channel: C0DEFAULT
            """.formatted(DiscordEvents.ALERTS_CHANNEL_ID, DiscordEvents.CHANNEL_ID);

    /**
     * The checks KubeAPIDown's Diagnosis suggests: {@code kubectl -n kube-system get pods}, read-only
     * (anyone in an incident channel may run it, as the global access says), and {@code ... logs -l
     * 'component=kube-apiserver'}, counted as a change: on-call only, after confirmation.
     */
    private static final String CHECKS = """
              - id: namespace-pods
                description: The pods of a namespace (here, the namespace said back)
                argv: [echo, "pods in {namespace}"]
                params:
                  namespace: {type: pattern, pattern: "[a-z0-9-]{1,63}", max_length: 63}
                timeout: 5s
                read_only: true
                recognizes: ["kubectl -n {namespace} get pods"]
              - id: namespace-logs
                description: The logs of a namespace's pods (here, said back)
                argv: [echo, "logs of {selector} in {namespace}"]
                params:
                  namespace: {type: pattern, pattern: "[a-z0-9-]{1,63}", max_length: 63}
                  selector: {type: pattern, pattern: "[a-z0-9=.-]{1,63}", max_length: 63}
                timeout: 5s
                read_only: false
                access: {roles: ["%1$s"]}
                recognizes: ["kubectl -n {namespace} logs -l '{selector}'"]
            """.formatted(ONCALL);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final FakeSlack slack;
    final FakeDiscord discord;
    private final Path data;
    private final int port;
    private final int agentPort;
    private final Instant startsAt = Instant.now().minusSeconds(60);
    private AgentProcess agent;
    private AlertmanagerProcess alertmanager;
    private PrometheusProcess prometheus;
    private ServedBot bot;

    private AlertStack(Path data) throws Exception {
        this.data = data;
        this.port = ServedBot.freePort();
        this.agentPort = ServedBot.freePort();
        this.slack = FakeSlack.start();
        this.discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
    }

    /** Starts it all in {@code data}; the Slack and Discord front ends are connected when this returns. */
    static AlertStack start(Path data) throws Exception {
        long started = System.nanoTime();
        AlertStack stack = new AlertStack(data);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            Path allowlist = Files.writeString(data.resolve("allowlist.yaml"), ServedBot.ALLOWLIST + CHECKS);
            Future<?> agent = starts.submit(() -> stack.agent = AgentProcess.startOn(
                    stack.agentPort, data, allowlist, data.resolve("agent-audit.jsonl"), ServedBot.AGENT_SECRET));
            Future<?> monitoring = starts.submit(stack::startMonitoring);
            stack.bot = ServedBot.start(data, stack.env());
            agent.get(60, TimeUnit.SECONDS);
            monitoring.get(60, TimeUnit.SECONDS);
            stack.slack.awaitSocketConnections(1, WAIT);
            stack.discord.awaitCall("PUT", "applications/" + DiscordEvents.APPLICATION_ID + "/commands", WAIT);
            print("serve, the agent, Alertmanager and Prometheus up, Slack and Discord connected", started);
            return stack;
        } catch (Exception | Error e) {
            starts.shutdownNow(); // a start still under way gives up and stops its process
            starts.awaitTermination(30, TimeUnit.SECONDS);
            stack.close();
            throw e;
        } finally {
            starts.shutdownNow();
        }
    }

    private static void print(String what, long since) {
        System.out.printf("alert stack: %s after %.1f s%n", what, (System.nanoTime() - since) / 1e9);
    }

    private Void startMonitoring() throws Exception {
        Path token = Files.writeString(data.resolve("alert-token"), TOKEN);
        Path am = Files.createDirectories(data.resolve("alertmanager"));
        alertmanager = AlertmanagerProcess.start(am, """
                route:
                  receiver: bot
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                  routes:
                    - matchers: ['alertname="KubePodCrashLooping"']
                      receiver: bot
                      repeat_interval: 1s
                receivers:
                  - name: bot
                    webhook_configs:
                      - url: 'http://127.0.0.1:%d/alertmanager'
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials_file: '%s'
                """.formatted(port, token));
        Path dir = Files.createDirectories(data.resolve("prometheus"));
        prometheus = PrometheusProcess.start(
                dir, alertmanager.hostPort(), TestAlertRules.yaml(), Map.of("source", "prometheus"));
        return null;
    }

    private Map<String, String> env() throws Exception {
        Path routes = Files.writeString(data.resolve("routes.yaml"), ROUTES);
        Map<String, String> env =
                new HashMap<>(ServedBot.diagnosticsEnv(data, URI.create("http://127.0.0.1:" + agentPort)));
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_APP_TOKEN", "xapp-test");
        env.put("RUNBOOK_BOT_SLACK_API_URL", slack.apiUrlPrefix());
        env.put("DISCORD_BOT_TOKEN", "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789");
        env.put("RUNBOOK_BOT_DISCORD_REST_URL", discord.restBaseUrl());
        env.put("RUNBOOK_BOT_DISCORD_GATEWAY_URL", discord.gatewayUrl().toString());
        env.put("RUNBOOK_BOT_INCIDENT_CHANNELS", "incid*");
        env.put("RUNBOOK_BOT_AUDIT_LOG", data.resolve("bot-audit.jsonl").toString());
        env.put(
                "RUNBOOK_BOT_RUNBOOKS",
                Path.of(System.getProperty("runbookbot.shared", "../shared"), "corpus", "prometheus-operator__runbooks")
                        .toAbsolutePath()
                        .toString());
        env.put("RUNBOOK_BOT_HTTP_PORT", Integer.toString(port));
        env.put("RUNBOOK_BOT_ALERT_ROUTES", routes.toString());
        env.put("RUNBOOK_BOT_ALERT_TOKEN", TOKEN);
        env.put("RUNBOOK_BOT_ALERT_STATE", data.resolve("alerts").toString());
        return env;
    }

    /** kill -9 and serve again on the same data folder and port. */
    void restartBot() throws Exception {
        long started = System.nanoTime();
        bot.restart(data, env());
        print("serve ready again", started);
    }

    AlertmanagerProcess alertmanager() {
        return alertmanager;
    }

    PrometheusProcess prometheus() {
        return prometheus;
    }

    /** A line count of a JSON-lines log in the data folder (agent-audit.jsonl, bot-audit.jsonl). */
    int lines(String log) throws Exception {
        return ServedBot.lines(data.resolve(log));
    }

    /** The last line of a JSON-lines log in the data folder. */
    String lastLine(String log) throws Exception {
        List<String> all = Files.readAllLines(data.resolve(log));
        return all.get(all.size() - 1);
    }

    /** POSTs src/test/resources/alertmanager/{@code fixture}.json (a notification captured from Alertmanager) to serve's webhook. */
    HttpResponse<String> postFixture(String fixture, String token) throws Exception {
        try (java.io.InputStream in = AlertStack.class.getResourceAsStream("/alertmanager/" + fixture + ".json")) {
            return post(in.readAllBytes(), token);
        }
    }

    /** POSTs {@code body} to serve's webhook with {@code Authorization: Bearer token}. */
    HttpResponse<String> post(byte[] body, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(url("/alertmanager"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Serve's /metrics once {@code expected} is found in them, or as they are after {@link #WAIT}. */
    String awaitMetrics(Pattern expected) throws Exception {
        String metrics = "";
        for (Instant until = Instant.now().plus(WAIT); Instant.now().isBefore(until); Thread.sleep(100)) {
            metrics = HTTP.send(HttpRequest.newBuilder(url("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (expected.matcher(metrics).find()) {
                break;
            }
        }
        return metrics;
    }

    /** Posts an alert through Alertmanager's API; {@code endsAt} in the past resolves it. */
    void alert(String labels, String annotations, Instant endsAt) throws Exception {
        alerts(List.of(labels), annotations, endsAt);
    }

    /** Posts alerts with these labels (JSON objects) and the same annotations, all started a minute before the stack. */
    void alerts(List<String> labels, String annotations, Instant endsAt) throws Exception {
        alertmanager.postAlerts(labels.stream()
                .map(l -> "{\"labels\": %s, \"annotations\": %s, \"startsAt\": \"%s\", \"endsAt\": \"%s\"}"
                        .formatted(l, annotations, startsAt, endsAt))
                .collect(Collectors.joining(",", "[", "]")));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        try (FakeSlack s = slack;
                FakeDiscord d = discord;
                AgentProcess a = agent;
                AlertmanagerProcess am = alertmanager;
                PrometheusProcess p = prometheus;
                ServedBot b = bot) {
            // closed in reverse: serve first, then what it talks to
        }
    }
}
