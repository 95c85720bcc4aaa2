package io.runbookbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@link BotConfig} once, from environment variables and optionally a YAML file whose keys
 * are the same variable names ({@code RUNBOOK_BOT_RUNBOOKS: /srv/runbooks}). The environment wins
 * over the file. Secrets come only from the environment, or from a mounted file named by
 * {@code NAME_FILE} (e.g. {@code SLACK_BOT_TOKEN_FILE=/run/secrets/slack}); the config file may not
 * hold them. Every error names the variable and never echoes a secret's value.
 */
public final class BotConfigLoader {
    static final Set<String> SECRETS = Set.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
            "DISCORD_BOT_TOKEN");
    /** The settings a config file may hold (everything but the secrets). */
    static final Set<String> SETTINGS = Set.of("RUNBOOK_BOT_RUNBOOKS", "RUNBOOK_BOT_ALLOWLIST", "RUNBOOK_BOT_AGENTS",
            "RUNBOOK_BOT_AUDIT_LOG", "RUNBOOK_BOT_FEEDBACK_LOG", "RUNBOOK_BOT_SOURCE_URL", "RUNBOOK_BOT_DEFAULT_AGENT", "RUNBOOK_BOT_HTTP_PORT",
            "RUNBOOK_BOT_HTTP_BIND", "SLACK_HTTP_PORT", "SLACK_HTTP_BIND", "RUNBOOK_BOT_INCIDENT_CHANNELS", "RUNBOOK_BOT_SLACK_API_URL",
            "RUNBOOK_BOT_DISCORD_REST_URL", "RUNBOOK_BOT_DISCORD_GATEWAY_URL", "RUNBOOK_BOT_OLLAMA_URL",
            "RUNBOOK_BOT_EMBED_MODEL", "RUNBOOK_BOT_CHAT_MODEL", "RUNBOOK_BOT_OLLAMA_TIMEOUT", "RUNBOOK_BOT_CACHE_DIR",
            "RUNBOOK_BOT_PROMPTS", "RUNBOOK_BOT_MAX_RUNBOOK_BYTES");
    static final String DEFAULT_EMBED_MODEL = "nomic-embed-text";
    static final Duration DEFAULT_OLLAMA_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_SLACK_HTTP_PORT = 3000;
    /** Where /healthz and Slack HTTP mode listen unless told otherwise: this host only. */
    static final String DEFAULT_BIND = "127.0.0.1";
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("\\[?+([0-9A-Fa-f.]{0,45}+:[0-9A-Fa-f:.]{0,45}+)]?+");
    static final String SLACK_API = "https://slack.com/api/";
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_*.-]+");
    private static final Pattern SLACK_TOKEN = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern DISCORD_TOKEN =
            Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{16,}");
    private static final Pattern ANY = Pattern.compile("\\S+");

    private final Function<String, Optional<String>> env;
    private final Map<String, String> file;

    private BotConfigLoader(Function<String, Optional<String>> env, Map<String, String> file) {
        this.env = env;
        this.file = file;
    }

    /** Loads and validates the configuration; throws {@link ConfigException} naming the bad key. */
    public static BotConfig load(Function<String, Optional<String>> env, Optional<Path> configFile) {
        return new BotConfigLoader(env, configFile.map(BotConfigLoader::readFile).orElse(Map.of())).load();
    }

    private BotConfig load() {
        Path runbooks = path("RUNBOOK_BOT_RUNBOOKS").orElse(Path.of("runbooks"));
        if (!Files.isDirectory(runbooks)) {
            throw new ConfigException("RUNBOOK_BOT_RUNBOOKS: " + runbooks + " is not a folder");
        }
        return new BotConfig(runbooks, allowlist(runbooks), existing("RUNBOOK_BOT_AGENTS"),
                path("RUNBOOK_BOT_AUDIT_LOG").orElse(Path.of("runbook-bot.audit.jsonl")),
                path("RUNBOOK_BOT_FEEDBACK_LOG").orElse(Path.of("runbook-bot.feedback.jsonl")),
                plain("RUNBOOK_BOT_SOURCE_URL").orElse(""), plain("RUNBOOK_BOT_DEFAULT_AGENT").orElse("local"), port("RUNBOOK_BOT_HTTP_PORT", DEFAULT_HTTP_PORT),
                bind("RUNBOOK_BOT_HTTP_BIND"), slack(), discord(), ollama(),
                bytes("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", RunbookLoader.DEFAULT_MAX_FILE_BYTES));
    }

    private Optional<BotConfig.Ollama> ollama() {
        Optional<String> url = plain("RUNBOOK_BOT_OLLAMA_URL").map(String::trim);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.get());
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("RUNBOOK_BOT_OLLAMA_URL: \"" + url.get()
                    + "\" is not an http(s) URL such as http://127.0.0.1:11434");
        }
        Optional<String> embed = model("RUNBOOK_BOT_EMBED_MODEL").or(() -> Optional.of(DEFAULT_EMBED_MODEL))
                .filter(m -> !m.equals("none"));
        Path cache = path("RUNBOOK_BOT_CACHE_DIR").orElse(Path.of("runbook-bot-cache"));
        return Optional.of(new BotConfig.Ollama(url.get().replaceFirst("/+$", ""), embed, model("RUNBOOK_BOT_CHAT_MODEL"),
                seconds("RUNBOOK_BOT_OLLAMA_TIMEOUT", DEFAULT_OLLAMA_TIMEOUT), cache,
                path("RUNBOOK_BOT_PROMPTS").orElse(BotConfig.Ollama.DEFAULT_PROMPTS),
                path("RUNBOOK_BOT_INVESTIGATION_LOG").orElse(BotConfig.Ollama.DEFAULT_INVESTIGATION_LOG),
                seconds("RUNBOOK_BOT_INVESTIGATE_TIMEOUT", BotConfig.Ollama.DEFAULT_INVESTIGATION_TIME)));
    }

    private Optional<String> model(String name) {
        Optional<String> value = plain(name).map(String::trim);
        value.filter(v -> !MODEL.matcher(v).matches()).ifPresent(v -> {
            throw new ConfigException(name + ": \"" + v + "\" is not a model name such as nomic-embed-text or llama3.1:8b");
        });
        return value;
    }

    private Duration seconds(String name, Duration fallback) {
        Optional<String> value = plain(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.get().trim());
            if (seconds > 0 && seconds <= 600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + ": \"" + value.get() + "\" is not a number of seconds (0-600)");
    }

    private Optional<Path> allowlist(Path runbooks) {
        Optional<Path> named = existing("RUNBOOK_BOT_ALLOWLIST");
        if (named.isPresent()) {
            return named;
        }
        Path fallback = runbooks.resolve("allowlist.yaml");
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private Optional<BotConfig.Slack> slack() {
        Optional<String> bot = secret("SLACK_BOT_TOKEN");
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        Secret botToken = token("SLACK_BOT_TOKEN", bot.get(), "xoxb-", SLACK_TOKEN);
        Optional<Secret> appToken = secret("SLACK_APP_TOKEN")
                .map(v -> token("SLACK_APP_TOKEN", v, "xapp-", SLACK_TOKEN));
        Optional<Secret> signing = secret("SLACK_SIGNING_SECRET")
                .map(v -> token("SLACK_SIGNING_SECRET", v, "", ANY));
        if (appToken.isEmpty() && signing.isEmpty()) {
            throw new ConfigException("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor "
                    + "SLACK_SIGNING_SECRET (HTTP mode) is");
        }
        return Optional.of(new BotConfig.Slack(botToken, appToken, signing,
                port("SLACK_HTTP_PORT", DEFAULT_SLACK_HTTP_PORT), bind("SLACK_HTTP_BIND"), channels(),
                plain("RUNBOOK_BOT_SLACK_API_URL").orElse(SLACK_API)));
    }

    private Optional<BotConfig.Discord> discord() {
        return secret("DISCORD_BOT_TOKEN").map(v -> new BotConfig.Discord(token("DISCORD_BOT_TOKEN", v, "",
                DISCORD_TOKEN), plain("RUNBOOK_BOT_DISCORD_REST_URL"), plain("RUNBOOK_BOT_DISCORD_GATEWAY_URL")));
    }

    private List<String> channels() {
        List<String> channels = plain("RUNBOOK_BOT_INCIDENT_CHANNELS").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String channel : channels) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new ConfigException("RUNBOOK_BOT_INCIDENT_CHANNELS: \"" + channel
                        + "\" is neither a channel id nor a name pattern such as inc-*");
            }
        }
        return channels;
    }

    /** A token with a known prefix and no whitespace; the error shows neither value nor length. */
    private static Secret token(String name, String value, String prefix, Pattern rest) {
        if (WHITESPACE.matcher(value).find()) {
            throw new ConfigException(name + " contains whitespace (check for a stray space, newline or \"Bot \")");
        }
        if (value.regionMatches(true, 0, "Bot ", 0, 4) || value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ConfigException(name + ": give the bare token, without a \"Bot \" or \"Bearer \" prefix");
        }
        if (!value.startsWith(prefix) || !rest.matcher(value.substring(prefix.length())).matches()) {
            throw new ConfigException(name + " is malformed: expected " + (prefix.isEmpty() ? "" : prefix + " followed by ")
                    + "the token as the platform shows it (" + value.length() + " characters given)");
        }
        return new Secret(value, prefix);
    }

    private long bytes(String name, long fallback) {
        Optional<String> value = plain(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long bytes = Long.parseLong(value.get().trim());
            if (bytes >= 1 && bytes <= Integer.MAX_VALUE - 8) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + ": \"" + value.get() + "\" is not a size in bytes (1 to 2147483639)");
    }

    private int port(String name, int fallback) {
        Optional<String> value = plain(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get().trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + ": \"" + value.get() + "\" is not a port number (0-65535)");
    }

    /** An IP address to listen on (a literal, so loading never waits on DNS); default 127.0.0.1. */
    private InetAddress bind(String name) {
        String value = plain(name).map(String::trim).orElse(DEFAULT_BIND);
        Matcher v6 = IPV6.matcher(value);
        boolean balanced = value.startsWith("[") == value.endsWith("]");
        if (IPV4.matcher(value).matches() || (v6.matches() && balanced)) {
            try {
                return InetAddress.getByName(v6.matches() ? v6.group(1) : value);
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new ConfigException(name + ": \"" + value + "\" is not an IP address to listen on; use 127.0.0.1 (this"
                + " host only), 0.0.0.0 (every interface), :: (every interface, IPv6) or one of this host's addresses");
    }

    private Optional<Path> path(String name) {
        return plain(name).map(String::trim).map(Path::of);
    }

    private Optional<Path> existing(String name) {
        Optional<Path> path = path(name);
        path.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> {
            throw new ConfigException(name + ": file not found: " + p);
        });
        return path;
    }

    /** A non-secret setting: the environment, else the config file. */
    private Optional<String> plain(String name) {
        return env.apply(name).or(() -> Optional.ofNullable(file.get(name))).filter(v -> !v.isBlank());
    }

    /** A secret: the environment, else the file named by {@code NAME_FILE} (trailing newline dropped). */
    private Optional<String> secret(String name) {
        Optional<String> direct = env.apply(name);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> mounted = env.apply(name + "_FILE");
        if (mounted.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(mounted.get().trim()), StandardCharsets.UTF_8)
                    .replaceFirst("\\R\\z", "")).filter(v -> !v.isBlank());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(name + "_FILE: cannot read " + mounted.get());
        }
    }

    private static Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("--config " + file + ": not valid YAML near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new ConfigException("--config " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new ConfigException("--config " + file + ": expected a map of setting names to values");
        }
        root.fields().forEachRemaining(e -> {
            if (SECRETS.contains(e.getKey())) {
                throw new ConfigException("--config " + file + ": " + e.getKey() + " may not be in a config file; "
                        + "set it in the environment or mount it and set " + e.getKey() + "_FILE");
            }
            if (!SETTINGS.contains(e.getKey())) {
                throw new ConfigException("--config " + file + ": unknown setting " + e.getKey() + " (known: "
                        + String.join(", ", SETTINGS.stream().sorted().toList()) + ")");
            }
            if (!e.getValue().isValueNode()) {
                throw new ConfigException("--config " + file + ": " + e.getKey() + " must be a single value");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }
}
