package io.runbookbot.app;

import static io.runbookbot.app.SettingCommands.ALERTS;
import static io.runbookbot.app.SettingCommands.ALLOWLIST_USERS;
import static io.runbookbot.app.SettingCommands.DIAGNOSTICS_USERS;
import static io.runbookbot.app.SettingCommands.INVESTIGATE;
import static io.runbookbot.app.SettingCommands.RUNBOOK_READERS;
import static io.runbookbot.app.SettingCommands.SEARCHERS;
import static io.runbookbot.app.SettingCommands.SERVE;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * THE settings table: every setting the bot reads, the only place a variable name is spelled. Each
 * row gives the variable, its command-line flag with what its value is called (none for secrets), how it is parsed, its default,
 * one help line and the commands that take it. {@link SettingValues} resolves a row the same way in
 * every command: the flag, else the environment, else the {@code --config} file (secrets: the
 * environment, else the file named by {@code NAME_FILE}), else the default.
 */
enum Setting {
    RUNBOOKS(
            "RUNBOOK_BOT_RUNBOOKS",
            "--runbooks DIR",
            SettingKind.PATH,
            "runbooks",
            "Folder of Markdown runbooks, searched recursively",
            RUNBOOK_READERS),
    MAX_RUNBOOK_BYTES(
            "RUNBOOK_BOT_MAX_RUNBOOK_BYTES",
            "--max-runbook-bytes BYTES",
            SettingKind.BYTES,
            "1048576",
            "Runbook files larger than this are skipped with a warning",
            SEARCHERS),
    ALLOWLIST(
            "RUNBOOK_BOT_ALLOWLIST",
            "--allowlist FILE",
            SettingKind.FILE,
            null,
            "Diagnostics allowlist (unset: allowlist.yaml in the runbooks folder if present, else diagnostics off)",
            ALLOWLIST_USERS),
    AGENTS(
            "RUNBOOK_BOT_AGENTS",
            "--agents FILE",
            SettingKind.FILE,
            null,
            "Registry of named agents (YAML; unset: this host only)",
            DIAGNOSTICS_USERS),
    AUDIT_LOG(
            "RUNBOOK_BOT_AUDIT_LOG",
            "--audit-log FILE",
            SettingKind.PATH,
            "runbook-bot.audit.jsonl",
            "Audit log of diagnostics runs, one JSON line each",
            DIAGNOSTICS_USERS),
    DEFAULT_AGENT(
            "RUNBOOK_BOT_DEFAULT_AGENT",
            "--default-agent NAME",
            SettingKind.TEXT,
            "local",
            "The agent diagnostics run on unless the run names one (`on <agent>`): Run buttons, typed runs and"
                    + " forms (local: the bot's host)",
            SERVE),
    FEEDBACK_LOG(
            "RUNBOOK_BOT_FEEDBACK_LOG",
            "--feedback-log FILE",
            SettingKind.PATH,
            "runbook-bot.feedback.jsonl",
            "Where helpful / not helpful votes go, one JSON line each",
            SERVE),
    SOURCE_URL(
            "RUNBOOK_BOT_SOURCE_URL",
            "--source-url TEMPLATE",
            SettingKind.TEXT,
            null,
            "Link template for sources, e.g. https://git.example.com/ops/runbooks/blob/main/{file}#L{line}",
            SERVE),
    HTTP_PORT(
            "RUNBOOK_BOT_HTTP_PORT",
            "--http-port PORT",
            SettingKind.PORT,
            "8080",
            "Port of /healthz, /readyz and /metrics (0: any free port)",
            SERVE),
    HTTP_BIND(
            "RUNBOOK_BOT_HTTP_BIND",
            "--http-bind IP",
            SettingKind.BIND,
            "127.0.0.1",
            "Address /healthz, /readyz and /metrics listen on (0.0.0.0: every interface, as the image sets)",
            SERVE),
    ALERT_ROUTES(
            "RUNBOOK_BOT_ALERT_ROUTES",
            "--alert-routes FILE",
            SettingKind.FILE,
            null,
            "Alert route file (YAML): which channels get which alerts; unset: POST /alertmanager is off",
            ALERTS),
    ALERT_TOKEN(
            "RUNBOOK_BOT_ALERT_TOKEN",
            null,
            SettingKind.SIGNING_SECRET,
            null,
            "Token Alertmanager sends (bearer or basic-auth password); none: no auth, loopback HTTP only",
            SERVE),
    ALERT_URL_PREFIXES(
            "RUNBOOK_BOT_ALERT_URL_PREFIXES",
            "--alert-url-prefixes LIST",
            SettingKind.TEXT,
            null,
            "runbook_url prefixes and the runbook folders they map to: URL=FOLDER,URL=FOLDER",
            ALERTS),
    ALERT_STATE(
            "RUNBOOK_BOT_ALERT_STATE",
            "--alert-state DIR",
            SettingKind.PATH,
            "runbook-bot-alerts",
            "Folder of the alert journal and of which message each alert group has",
            SERVE),
    SLACK_BOT_TOKEN(
            "SLACK_BOT_TOKEN",
            null,
            SettingKind.SLACK_BOT_TOKEN,
            null,
            "Slack bot token (xoxb-...); turns Slack on",
            SERVE),
    SLACK_APP_TOKEN(
            "SLACK_APP_TOKEN",
            null,
            SettingKind.SLACK_APP_TOKEN,
            null,
            "Slack app-level token (xapp-...): Socket Mode",
            SERVE),
    SLACK_SIGNING_SECRET(
            "SLACK_SIGNING_SECRET",
            null,
            SettingKind.SIGNING_SECRET,
            null,
            "Slack signing secret: HTTP mode, POST /slack/events (when no app token is set)",
            SERVE),
    SLACK_HTTP_PORT(
            "SLACK_HTTP_PORT", "--slack-http-port PORT", SettingKind.PORT, "3000", "Port of Slack HTTP mode", SERVE),
    SLACK_HTTP_BIND(
            "SLACK_HTTP_BIND",
            "--slack-http-bind IP",
            SettingKind.BIND,
            "127.0.0.1",
            "Address Slack HTTP mode listens on (a TLS proxy sits in front; the image sets 0.0.0.0)",
            SERVE),
    INCIDENT_CHANNELS(
            "RUNBOOK_BOT_INCIDENT_CHANNELS",
            "--incident-channels LIST",
            SettingKind.CHANNELS,
            null,
            "Slack or Discord channel ids or name patterns (inc-*) where the bot answers symptoms unasked",
            SERVE),
    SLACK_API_URL(
            "RUNBOOK_BOT_SLACK_API_URL",
            "--slack-api-url URL",
            SettingKind.URL_PREFIX,
            "https://slack.com/api/",
            "Slack Web API base (another value: a test fake)",
            SERVE),
    DISCORD_BOT_TOKEN(
            "DISCORD_BOT_TOKEN",
            null,
            SettingKind.DISCORD_TOKEN,
            null,
            "Discord bot token; turns Discord on (gateway and /runbook, registered at start)",
            SERVE),
    DISCORD_REST_URL(
            "RUNBOOK_BOT_DISCORD_REST_URL",
            "--discord-rest-url URL",
            SettingKind.TEXT,
            null,
            "Discord REST API base (unset: Discord's; another value: a test fake)",
            SERVE),
    DISCORD_GATEWAY_URL(
            "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
            "--discord-gateway-url URL",
            SettingKind.TEXT,
            null,
            "Discord gateway WebSocket URL (unset: Discord's; another value: a test fake)",
            SERVE),
    OLLAMA_URL(
            "RUNBOOK_BOT_OLLAMA_URL",
            "--ollama-url URL",
            SettingKind.HTTP_URL,
            null,
            "Optional Ollama server, e.g. http://127.0.0.1:11434 (unset: keyword search only)",
            SEARCHERS),
    EMBED_MODEL(
            "RUNBOOK_BOT_EMBED_MODEL",
            "--embed-model MODEL",
            SettingKind.MODEL,
            "nomic-embed-text",
            "Embedding model for hybrid retrieval; none turns it off",
            SEARCHERS),
    CHAT_MODEL(
            "RUNBOOK_BOT_CHAT_MODEL",
            "--chat-model MODEL",
            SettingKind.MODEL,
            null,
            "Chat model for summaries and investigate (unset: both off)",
            SEARCHERS),
    OLLAMA_TIMEOUT(
            "RUNBOOK_BOT_OLLAMA_TIMEOUT",
            "--ollama-timeout SECONDS",
            SettingKind.SECONDS,
            "10",
            "Seconds one Ollama call may take (a question waits at most 5 s for its vector)",
            SEARCHERS),
    CACHE_DIR(
            "RUNBOOK_BOT_CACHE_DIR",
            "--cache-dir DIR",
            SettingKind.PATH,
            "runbook-bot-cache",
            "Where embeddings are cached by content hash and model",
            SEARCHERS),
    PROMPTS(
            "RUNBOOK_BOT_PROMPTS",
            "--prompts DIR",
            SettingKind.PATH,
            "prompts",
            "Folder of the prompt templates for summaries and investigate",
            SEARCHERS),
    INVESTIGATION_LOG(
            "RUNBOOK_BOT_INVESTIGATION_LOG",
            "--investigation-log FILE",
            SettingKind.PATH,
            "runbook-bot.investigations.jsonl",
            "Audit of each tool call of an investigation, one JSON line each",
            INVESTIGATE),
    INVESTIGATE_TIMEOUT(
            "RUNBOOK_BOT_INVESTIGATE_TIMEOUT",
            "--time-limit SECONDS",
            SettingKind.SECONDS,
            "60",
            "Wall time of one investigation",
            INVESTIGATE);

    private final String variable;
    private final @Nullable String option;
    private final SettingKind kind;
    private final @Nullable String defaultValue;
    private final String help;
    private final Set<String> commands;

    Setting(
            String variable,
            @Nullable String option,
            SettingKind kind,
            @Nullable String defaultValue,
            String help,
            Set<String> commands) {
        this.variable = variable;
        this.option = option;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.help = help;
        this.commands = commands;
    }

    /** The environment variable, also the key in a {@code --config} file. */
    String variable() {
        return variable;
    }

    /** The command-line flag; secrets have none (never on a command line). */
    Optional<String> flag() {
        return Optional.ofNullable(option).map(o -> o.substring(0, o.indexOf(' ')));
    }

    /** What the flag's value is called in help ({@code DIR}, {@code URL}); empty for secrets. */
    String label() {
        return option == null ? "" : option.substring(option.indexOf(' ') + 1);
    }

    SettingKind kind() {
        return kind;
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    String help() {
        return help;
    }

    boolean secret() {
        return kind.secret();
    }

    boolean takenBy(String command) {
        return commands.contains(command);
    }
}
