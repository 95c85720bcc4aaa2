package io.runbookbot.app;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code serve} needs, loaded and validated once by {@link BotConfigLoader} from the settings
 * table ({@link Setting}, which holds every default) and handed down through
 * constructors. Secrets are {@link Secret}s, so printing the tree never shows them.
 *
 * @param runbooks   the runbook folder ({@code RUNBOOK_BOT_RUNBOOKS})
 * @param allowlist  the diagnostics allowlist; empty means diagnostics are disabled
 * @param agents     the registry of remote agents, if any
 * @param auditLog   where diagnostics runs are audited
 * @param feedback   where helpful / not helpful votes go (JSON lines)
 * @param sourceUrl  the source link template ("" for none)
 * @param runOn      the agent diagnostics run on when the run names none (buttons, typed runs, forms)
 *                   ({@code RUNBOOK_BOT_DEFAULT_AGENT}, default {@code local}: the bot's own host)
 * @param httpPort   the port of /healthz, /readyz and /metrics (0 = ephemeral)
 * @param httpBind   the address they listen on ({@code RUNBOOK_BOT_HTTP_BIND}, default 127.0.0.1:
 *                   this host only; 0.0.0.0 for every interface, as the container image sets)
 * @param slack      the Slack front end, when {@code SLACK_BOT_TOKEN} is set
 * @param discord    the Discord front end, when {@code DISCORD_BOT_TOKEN} is set
 * @param ollama     the optional Ollama server, when {@code RUNBOOK_BOT_OLLAMA_URL} is set
 * @param maxRunbookBytes runbook files larger than this are skipped ({@code RUNBOOK_BOT_MAX_RUNBOOK_BYTES},
 *                   default 1 MiB)
 * @param alerts     the Alertmanager webhook, when {@code RUNBOOK_BOT_ALERT_ROUTES} is set
 */
public record BotConfig(
        Path runbooks,
        Optional<Path> allowlist,
        Optional<Path> agents,
        Path auditLog,
        Path feedback,
        String sourceUrl,
        String runOn,
        int httpPort,
        InetAddress httpBind,
        Optional<Slack> slack,
        Optional<Discord> discord,
        Optional<Ollama> ollama,
        long maxRunbookBytes,
        Optional<Alerts> alerts) {
    public BotConfig {
        Objects.requireNonNull(alerts, "alerts");
        if (maxRunbookBytes < 1) {
            throw new IllegalArgumentException("maxRunbookBytes must be positive: " + maxRunbookBytes);
        }
        Objects.requireNonNull(ollama, "ollama");
        Objects.requireNonNull(runbooks, "runbooks");
        Objects.requireNonNull(allowlist, "allowlist");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(runOn, "runOn");
        Objects.requireNonNull(httpBind, "httpBind");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(discord, "discord");
    }

    /**
     * Alertmanager notifications on {@code POST /alertmanager}.
     *
     * @param routes   the route file
     * @param token    what senders must present; empty: no authentication (only on a loopback listener)
     * @param prefixes runbook_url prefixes and their folders ({@code URL=FOLDER,...}), checked at start
     * @param state    the folder of the journal and the group-to-message store
     */
    public record Alerts(Path routes, Optional<Secret> token, String prefixes, Path state) {
        public Alerts {
            Objects.requireNonNull(routes, "routes");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(prefixes, "prefixes");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The Slack front end: Socket Mode when {@code appToken} is present, else HTTP mode on
     * {@code httpBind}:{@code httpPort} ({@code SLACK_HTTP_BIND}, default 127.0.0.1: Slack needs HTTPS,
     * so a TLS proxy sits in front; the container image sets 0.0.0.0) with requests verified by
     * {@code signingSecret}.
     *
     * @param incidentChannels channel ids or name patterns such as {@code inc-*} where the bot
     *                         answers symptoms unasked
     */
    public record Slack(
            Secret botToken,
            Optional<Secret> appToken,
            Optional<Secret> signingSecret,
            int httpPort,
            InetAddress httpBind,
            List<String> incidentChannels,
            String apiUrl) {
        public Slack {
            Objects.requireNonNull(httpBind, "httpBind");
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(botToken, "botToken");
            Objects.requireNonNull(appToken, "appToken");
            Objects.requireNonNull(signingSecret, "signingSecret");
            incidentChannels = List.copyOf(incidentChannels);
        }

        public boolean socketMode() {
            return appToken.isPresent();
        }
    }

    /** The Discord front end; the URLs point at another Discord (a test fake) when present. */
    public record Discord(
            Secret botToken, Optional<String> restUrl, Optional<String> gatewayUrl, List<String> incidentChannels) {
        public Discord {
            Objects.requireNonNull(botToken, "botToken");
            Objects.requireNonNull(restUrl, "restUrl");
            Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            incidentChannels = List.copyOf(incidentChannels);
        }

        public Discord(Secret botToken, Optional<String> restUrl, Optional<String> gatewayUrl) {
            this(botToken, restUrl, gatewayUrl, List.of());
        }
    }

    /**
     * An Ollama server the bot may use; everything works without it.
     *
     * @param baseUrl    e.g. {@code http://127.0.0.1:11434} ({@code RUNBOOK_BOT_OLLAMA_URL})
     * @param embedModel the embedding model for hybrid retrieval ({@code RUNBOOK_BOT_EMBED_MODEL},
     *                   default {@code nomic-embed-text}; {@code none} turns embeddings off)
     * @param chatModel  the chat model for summaries and investigate ({@code RUNBOOK_BOT_CHAT_MODEL};
     *                   unset turns both off)
     * @param timeout    how long one Ollama call may take ({@code RUNBOOK_BOT_OLLAMA_TIMEOUT}, seconds)
     * @param cacheDir   where embeddings are cached by content hash and model
     *                   ({@code RUNBOOK_BOT_CACHE_DIR})
     * @param prompts    the folder of prompt templates, read on every use ({@code RUNBOOK_BOT_PROMPTS},
     *                   default {@code prompts})
     * @param investigationLog  where {@code investigate} audits each tool call
     *                          ({@code RUNBOOK_BOT_INVESTIGATION_LOG})
     * @param investigationTime wall time of one investigation ({@code RUNBOOK_BOT_INVESTIGATE_TIMEOUT}, seconds)
     */
    public record Ollama(
            String baseUrl,
            Optional<String> embedModel,
            Optional<String> chatModel,
            Duration timeout,
            Path cacheDir,
            Path prompts,
            Path investigationLog,
            Duration investigationTime) {
        public Ollama {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(embedModel, "embedModel");
            Objects.requireNonNull(chatModel, "chatModel");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(cacheDir, "cacheDir");
            Objects.requireNonNull(prompts, "prompts");
            Objects.requireNonNull(investigationLog, "investigationLog");
            Objects.requireNonNull(investigationTime, "investigationTime");
        }
    }
}
