package io.runbookbot.agent.allowlist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.yaml.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates an allowlist file (format: see {@code runbooks/allowlist.yaml}). Anything
 * wrong, down to an unknown key, fails the whole file with an {@link AllowlistException} that
 * names the file, the entry and the field: a half-loaded allowlist is never returned.
 */
public final class AllowlistLoader {
    /** The only format version understood. */
    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("version", "access", "roots", "commands");
    private static final Pattern ROOT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private AllowlistLoader() {}

    /** Reads {@code file} (UTF-8); its path, as given, is the {@link Allowlist#source()}. */
    public static Allowlist load(Path file) {
        Objects.requireNonNull(file, "file");
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AllowlistException(file + ": cannot read the allowlist: " + e, e);
        }
        return parse(yaml, file.toString());
    }

    /** Parses YAML text; {@code source} names it in messages (a file name, "test"). */
    public static Allowlist parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        JsonNode root = readTree(yaml, source);
        YamlNodes nodes = new YamlNodes(source);
        if (!root.isObject()) {
            throw new AllowlistException(source + ": must be a mapping with version, commands (and optionally "
                    + "access, roots), got " + (root.isMissingNode() ? "an empty file" : YamlNodes.kind(root)));
        }
        nodes.onlyKeys(root, "", KEYS);
        JsonNode version = nodes.required(root, "version", "version");
        if (!version.isIntegralNumber() || version.asLong() != VERSION) {
            throw nodes.error("version", "must be " + VERSION + ", got " + YamlNodes.kind(version));
        }
        Access access = nodes.optional(root, "access")
                .map(n -> nodes.access(n, "access"))
                .orElse(Access.NOBODY);
        Map<String, List<Path>> roots = roots(nodes.optional(root, "roots").orElse(null), nodes);
        List<CommandSpec> commands = commands(nodes.required(root, "commands", "commands"), roots, nodes);
        return new Allowlist(commands, access, source);
    }

    private static JsonNode readTree(String yaml, String source) {
        try {
            return YamlTrees.read(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new AllowlistException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, List<Path>> roots(JsonNode node, YamlNodes nodes) {
        Map<String, List<Path>> roots = new LinkedHashMap<>();
        if (node == null) {
            return roots;
        }
        nodes.mapping(node, "roots");
        node.properties().forEach(e -> roots.put(e.getKey(), folders(e.getKey(), e.getValue(), nodes)));
        return roots;
    }

    private static List<Path> folders(String name, JsonNode node, YamlNodes nodes) {
        String field = "roots." + name;
        if (!ROOT_NAME.matcher(name).matches()) {
            throw nodes.error(field, "name must match " + ROOT_NAME.pattern());
        }
        List<String> texts = nodes.texts(node, field);
        if (texts.isEmpty()) {
            throw nodes.error(field, "must list at least one folder");
        }
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Path folder = Path.of(text);
            boolean dotted =
                    text.contains("/../") || text.endsWith("/..") || text.contains("/./") || text.endsWith("/.");
            if (!folder.isAbsolute() || dotted || folder.getNameCount() == 0 || !folder.equals(folder.normalize())) {
                throw nodes.error(
                        field + "[" + i + "]",
                        Echo.quote(text) + " must be an absolute folder other than /, without '.' or '..'");
            }
            folders.add(folder);
        }
        return folders;
    }

    private static List<CommandSpec> commands(JsonNode node, Map<String, List<Path>> roots, YamlNodes nodes) {
        nodes.sequence(node, "commands");
        EntryParser parser = new EntryParser(roots);
        List<CommandSpec> commands = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            CommandSpec spec = parser.parse(node.get(i), nodes.where() + ": commands[" + i + "]");
            Integer first = seen.putIfAbsent(spec.id(), i);
            if (first != null) {
                throw new AllowlistException(nodes.where() + ": commands[" + i + "] (id \"" + spec.id()
                        + "\"): id: duplicate of commands[" + first + "]");
            }
            commands.add(spec);
        }
        return commands;
    }
}
