package io.runbookbot.app;

import io.runbookbot.alert.AlertAuth;
import io.runbookbot.alert.AlertInbox;
import io.runbookbot.http.Exchange;
import io.runbookbot.http.HeadCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /alertmanager}: Alertmanager's (and Grafana's) webhook. The credentials are checked
 * from the request head, before a byte of the body is read; a body over {@link #MAX_BODY} is
 * refused unread; everything else is handed to the {@link AlertInbox}, whose verdict is the answer:
 * 200 once the notification is durably queued, 400 with the reason, 503 so that Alertmanager
 * retries later.
 */
final class AlertWebhook {
    static final String PATH = "/alertmanager";
    /** Alertmanager sends every alert of a group in one body; a thousand alerts fit in well under this. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);

    private final AlertAuth auth;
    private final AlertInbox inbox;
    private final Metrics metrics;

    AlertWebhook(AlertAuth auth, AlertInbox inbox, Metrics metrics) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Reads a large body only for an authenticated POST to {@link #PATH}; other requests (probes,
     * scrapes) are read only when they announce no body, which keeps their connections alive.
     */
    HeadCheck headCheck() {
        return (method, path, headers) -> path.equals(PATH)
                ? method.equals("POST") && allowed(headers)
                : headers.apply("Transfer-Encoding").isEmpty()
                        && headers.apply("Content-Length").stream()
                                .allMatch(v -> v.strip().equals("0"));
    }

    private boolean allowed(Function<String, List<String>> headers) {
        List<String> values = headers.apply("Authorization");
        return values.size() <= 1 && auth.allows(values.isEmpty() ? null : values.get(0));
    }

    void handle(Exchange exchange) {
        if (!exchange.method().equals("POST")) {
            exchange.setResponseHeader("Allow", "POST");
            text(exchange, 405, "use POST with Alertmanager's webhook JSON");
            return;
        }
        if (!allowed(exchange::headers)) {
            metrics.alertsRefused.increment();
            LOG.warn("Alert webhook: refused a request from {} without valid credentials", exchange.peer());
            exchange.setResponseHeader("WWW-Authenticate", "Bearer realm=\"runbook-bot alerts\"");
            text(
                    exchange,
                    401,
                    "missing or wrong credentials: send the alert token as a bearer token or basic-auth password");
            return;
        }
        byte[] body = exchange.body().orElse(null);
        if (body == null) {
            metrics.alertsRefused.increment();
            text(exchange, 413, "body over " + MAX_BODY + " bytes");
            return;
        }
        AlertInbox.Verdict verdict = inbox.offer(body);
        if (verdict.status() == 200) {
            metrics.alertsReceived.increment();
        } else {
            metrics.alertsRefused.increment();
            LOG.warn("Alert webhook: {} from {}: {}", verdict.status(), exchange.peer(), verdict.message());
        }
        text(exchange, verdict.status(), verdict.message());
    }

    private static void text(Exchange exchange, int status, String text) {
        exchange.respond(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
