package io.runbookbot.app;

import io.runbookbot.core.Diagnostics;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@link BotConfig} for {@code serve} from the settings table ({@link Setting}) as resolved
 * by {@link SettingValues}: flags, else the environment, else a YAML file whose keys are the same
 * variable names; secrets only from the environment or a mounted file named by {@code NAME_FILE}.
 * Every check of a single value lives in {@link SettingKind}; this class adds the rules that join
 * several (a Slack bot token needs an app token or a signing secret). Every error names the source
 * of the bad value and never echoes a secret.
 */
public final class BotConfigLoader {
    private final SettingValues values;

    private BotConfigLoader(SettingValues values) {
        this.values = values;
    }

    /** Loads and validates the configuration; throws {@link ConfigException} naming the bad key. */
    public static BotConfig load(Function<String, Optional<String>> env, Optional<Path> configFile) {
        return load(SettingValues.of(env, configFile, Map.of()));
    }

    static BotConfig load(SettingValues values) {
        return new BotConfigLoader(values).load();
    }

    private BotConfig load() {
        Path runbooks = values.value(Setting.RUNBOOKS, Path.class);
        if (!Files.isDirectory(runbooks)) {
            throw new ConfigException(values.source(Setting.RUNBOOKS) + ": " + runbooks + " is not a folder");
        }
        return new BotConfig(
                runbooks,
                values.allowlist(),
                values.get(Setting.AGENTS, Path.class),
                values.value(Setting.AUDIT_LOG, Path.class),
                values.value(Setting.FEEDBACK_LOG, Path.class),
                values.get(Setting.SOURCE_URL, String.class).orElse(""),
                values.value(Setting.DEFAULT_AGENT, String.class),
                values.value(Setting.HTTP_PORT, Integer.class),
                values.value(Setting.HTTP_BIND, InetAddress.class),
                slack(),
                discord(),
                ollama(),
                values.value(Setting.MAX_RUNBOOK_BYTES, Long.class),
                alerts(values.value(Setting.HTTP_BIND, InetAddress.class)));
    }

    /**
     * The configuration of a terminal command: the same settings as {@code serve} for what the
     * terminal uses (runbooks, diagnostics, Ollama); no chat platform, and the serving-only settings
     * (HTTP, feedback log) at their defaults, so a command never fails on a setting it does not use.
     * A missing runbook folder is reported when a command first searches it.
     */
    static BotConfig terminal(SettingValues values) {
        return new BotConfigLoader(values).loadTerminal();
    }

    private BotConfig loadTerminal() {
        return new BotConfig(
                values.value(Setting.RUNBOOKS, Path.class),
                values.allowlist(),
                values.get(Setting.AGENTS, Path.class),
                values.value(Setting.AUDIT_LOG, Path.class),
                Path.of(Setting.FEEDBACK_LOG.defaultValue().orElseThrow()),
                "",
                Diagnostics.LOCAL,
                Integer.parseInt(Setting.HTTP_PORT.defaultValue().orElseThrow()),
                InetAddress.getLoopbackAddress(),
                Optional.empty(),
                Optional.empty(),
                ollama(),
                values.value(Setting.MAX_RUNBOOK_BYTES, Long.class),
                Optional.empty());
    }

    /**
     * The alert webhook when a route file is set. Without a token it is refused unless the token is
     * the word {@code none} and the HTTP listener is loopback-only: nobody else can reach it then.
     */
    private Optional<BotConfig.Alerts> alerts(InetAddress httpBind) {
        Optional<Path> routes = values.get(Setting.ALERT_ROUTES, Path.class);
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> token = values.get(Setting.ALERT_TOKEN, Secret.class);
        boolean none = token.isPresent() && token.get().reveal().equals("none");
        if (token.isEmpty() || none && !httpBind.isLoopbackAddress()) {
            throw new ConfigException(Setting.ALERT_ROUTES.variable() + " is set, so POST /alertmanager is on: set "
                    + Setting.ALERT_TOKEN.variable() + " to the token Alertmanager sends"
                    + (token.isEmpty()
                            ? " (or to none, to take alerts without authentication on a loopback-only "
                                    + Setting.HTTP_BIND.variable() + ")"
                            : "; none is only allowed while " + Setting.HTTP_BIND.variable()
                                    + " is a loopback address"));
        }
        return Optional.of(new BotConfig.Alerts(
                routes.get(),
                none ? Optional.empty() : token,
                values.get(Setting.ALERT_URL_PREFIXES, String.class).orElse(""),
                values.value(Setting.ALERT_STATE, Path.class)));
    }

    private Optional<BotConfig.Ollama> ollama() {
        return values.get(Setting.OLLAMA_URL, String.class)
                .map(url -> new BotConfig.Ollama(
                        url,
                        Optional.of(values.value(Setting.EMBED_MODEL, String.class))
                                .filter(m -> !m.equals("none")),
                        values.get(Setting.CHAT_MODEL, String.class),
                        values.value(Setting.OLLAMA_TIMEOUT, Duration.class),
                        values.value(Setting.CACHE_DIR, Path.class),
                        values.value(Setting.PROMPTS, Path.class),
                        values.value(Setting.INVESTIGATION_LOG, Path.class),
                        values.value(Setting.INVESTIGATE_TIMEOUT, Duration.class)));
    }

    private Optional<BotConfig.Slack> slack() {
        Optional<Secret> bot = values.get(Setting.SLACK_BOT_TOKEN, Secret.class);
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> appToken = values.get(Setting.SLACK_APP_TOKEN, Secret.class);
        Optional<Secret> signing = values.get(Setting.SLACK_SIGNING_SECRET, Secret.class);
        if (appToken.isEmpty() && signing.isEmpty()) {
            throw new ConfigException(Setting.SLACK_BOT_TOKEN.variable() + " is set but neither "
                    + Setting.SLACK_APP_TOKEN.variable() + " (Socket Mode) nor "
                    + Setting.SLACK_SIGNING_SECRET.variable()
                    + " (HTTP mode) is");
        }
        return Optional.of(new BotConfig.Slack(
                bot.get(),
                appToken,
                signing,
                values.value(Setting.SLACK_HTTP_PORT, Integer.class),
                values.value(Setting.SLACK_HTTP_BIND, InetAddress.class),
                incidentChannels(),
                values.value(Setting.SLACK_API_URL, String.class)));
    }

    @SuppressWarnings("unchecked")
    private List<String> incidentChannels() {
        return values.get(Setting.INCIDENT_CHANNELS, List.class).orElse(List.of());
    }

    private Optional<BotConfig.Discord> discord() {
        return values.get(Setting.DISCORD_BOT_TOKEN, Secret.class)
                .map(token -> new BotConfig.Discord(
                        token,
                        values.get(Setting.DISCORD_REST_URL, String.class),
                        values.get(Setting.DISCORD_GATEWAY_URL, String.class),
                        incidentChannels()));
    }
}
