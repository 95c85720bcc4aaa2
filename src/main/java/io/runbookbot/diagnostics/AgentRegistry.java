package io.runbookbot.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.yaml.YamlTrees;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The named agents, loaded from YAML:
 * <pre>
 * agents:
 *   - name: web-1
 *     url: http://10.0.0.5:7070
 *     secret_env: RUNBOOK_BOT_AGENT_SECRET_WEB1   # or: secret_file: /run/secrets/web1
 * </pre>
 * Errors name the file, the entry and the field.
 *
 * @param source where it was loaded from, for messages
 */
public record AgentRegistry(List<AgentEntry> agents, String source) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");
    private static final Set<String> KEYS = Set.of("name", "url", "secret_env", "secret_file");

    public AgentRegistry {
        agents = List.copyOf(agents);
    }

    public static AgentRegistry load(Path file) {
        JsonNode root;
        try {
            root = YamlTrees.read(file);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(
                    file + ": not valid YAML near line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UserFacingException(
                    file + ": cannot read the agent registry (" + e.getClass().getSimpleName() + ")", e);
        }
        return parse(root, file.toString());
    }

    /** Parses an already read YAML tree; {@code source} names it in messages. */
    public static AgentRegistry parse(JsonNode root, String source) {
        JsonNode list = root == null ? null : root.get("agents");
        if (list == null || !list.isArray()) {
            throw new UserFacingException(source + ": agents: must be a list of {name, url, secret_env | secret_file}");
        }
        List<AgentEntry> agents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            AgentEntry entry = entry(list.get(i), source + ": agents[" + i + "]");
            if (!names.add(entry.name())) {
                throw new UserFacingException(source + ": agents[" + i + "] (" + entry.name() + "): name: duplicate");
            }
            agents.add(entry);
        }
        return new AgentRegistry(agents, source);
    }

    public Optional<AgentEntry> find(String name) {
        return agents.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The agent called {@code name}, or a message listing the known ones. */
    public AgentEntry require(String name) {
        return find(name)
                .orElseThrow(() -> new UserFacingException("unknown agent \"" + name + "\"; known agents: "
                        + (agents.isEmpty()
                                ? "none (" + source + " lists none)"
                                : agents.stream().map(AgentEntry::name).collect(Collectors.joining(", ")))));
    }

    private static AgentEntry entry(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new UserFacingException(where + ": must be a mapping with name, url and secret_env or secret_file");
        }
        String name = text(node, "name", where);
        String at = where + " (" + name + ")";
        if (!NAME.matcher(name).matches()) {
            throw new UserFacingException(at + ": name: use lower-case letters, digits, '.', '_' and '-'");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new UserFacingException(at + ": " + key + ": unknown key (expected "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new AgentEntry(name, url(text(node, "url", at), at), secret(node, at));
    }

    private static URI url(String value, String at) {
        try {
            URI uri = new URI(value);
            boolean bare = uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/");
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || !bare
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new UserFacingException(
                        at + ": url: must be http(s)://host:port with no path, e.g. " + "http://10.0.0.5:7070");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserFacingException(at + ": url: not a valid URL", e);
        }
    }

    private static AgentSecretRef secret(JsonNode node, String at) {
        boolean env = node.has("secret_env");
        boolean file = node.has("secret_file");
        if (env == file) {
            throw new UserFacingException(at + ": give exactly one of secret_env (a variable name) or secret_file"
                    + " (a path); the secret itself never goes in this file");
        }
        if (env) {
            String name = text(node, "secret_env", at);
            if (!ENV_NAME.matcher(name).matches()) {
                throw new UserFacingException(at + ": secret_env: must be a variable name like "
                        + "RUNBOOK_BOT_AGENT_SECRET_WEB1, not the secret");
            }
            return new AgentSecretRef.EnvVar(name);
        }
        return new AgentSecretRef.File(Path.of(text(node, "secret_file", at)));
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UserFacingException(at + ": " + key + ": missing or not text");
        }
        return value.asText().strip();
    }
}
