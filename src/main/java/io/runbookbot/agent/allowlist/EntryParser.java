package io.runbookbot.agent.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one {@code commands:} entry into a {@link CommandSpec}, checking every field.
 */
final class EntryParser {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,31}");
    private static final Pattern BARE_PROGRAM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]{0,99}");
    private static final Pattern LAUNCHER = Pattern.compile(
            "(sh|bash|dash|ash|zsh|ksh|mksh|csh|tcsh|fish|busybox|env|sudo|su|doas|runuser|pkexec|xargs|nohup"
                    + "|nice|ionice|setsid|stdbuf|timeout|chroot|nsenter|unshare|script|watch|eval|exec|command|time"
                    + "|strace|ltrace|gdb|expect|systemd-run|flock|unbuffer|parallel"
                    + "|(python|perl|ruby|php|lua|node|tclsh|pwsh)[0-9.]*)");
    private static final Set<String> KEYS =
            Set.of("id", "description", "argv", "params", "timeout", "output_cap", "read_only", "recognizes", "access");

    private final Map<String, List<Path>> roots;

    EntryParser(Map<String, List<Path>> roots) {
        this.roots = roots;
    }

    CommandSpec parse(JsonNode entry, String where) {
        YamlNodes byIndex = new YamlNodes(where);
        byIndex.mapping(entry, "entry");
        String id = byIndex.text(byIndex.required(entry, "id", "id"), "id");
        if (!ID.matcher(id).matches()) {
            throw byIndex.error("id", Echo.quote(id) + " must match " + ID.pattern());
        }
        YamlNodes yaml = new YamlNodes(where + " (id \"" + id + "\")");
        yaml.onlyKeys(entry, "", KEYS);
        String description = yaml.text(yaml.required(entry, "description", "description"), "description");
        List<String> argv = argv(entry, yaml);
        Map<String, ParamSpec> params = new ParamParser(roots, yaml).params(yaml.optional(entry, "params"));
        checkPlaceholders(argv, params, yaml);
        Duration timeout = yaml.optional(entry, "timeout")
                .map(n -> Limits.timeout(n, yaml))
                .orElse(Limits.DEFAULT_TIMEOUT);
        int outputCap = yaml.optional(entry, "output_cap")
                .map(n -> Limits.outputCap(n, yaml))
                .orElse(Limits.DEFAULT_OUTPUT_CAP);
        boolean readOnly = yaml.bool(yaml.required(entry, "read_only", "read_only"), "read_only");
        List<String> recognizes = recognizes(entry, params, yaml);
        Access access = yaml.optional(entry, "access")
                .map(n -> yaml.access(n, "access"))
                .orElse(Access.NOBODY);
        return new CommandSpec(id, description, argv, params, timeout, outputCap, readOnly, recognizes, access);
    }

    private static List<String> argv(JsonNode entry, YamlNodes yaml) {
        List<String> argv = yaml.texts(yaml.required(entry, "argv", "argv"), "argv");
        if (argv.isEmpty()) {
            throw yaml.error("argv", "must not be empty");
        }
        String program = argv.get(0);
        if (!Placeholders.names(program).isEmpty() || program.indexOf('{') >= 0) {
            throw yaml.error("argv[0]", "the program must be fixed, not a placeholder: " + Echo.quote(program));
        }
        boolean absolute = program.startsWith("/")
                && Path.of(program).normalize().toString().equals(program)
                && !program.endsWith("/");
        if (!absolute && !BARE_PROGRAM.matcher(program).matches()) {
            throw yaml.error(
                    "argv[0]",
                    Echo.quote(program)
                            + " must be an absolute normalized path or a bare program name (no '/', '..', spaces)");
        }
        String base = Path.of(program).getFileName().toString();
        if (LAUNCHER.matcher(base).matches()) {
            throw yaml.error(
                    "argv[0]",
                    Echo.quote(program)
                            + " is a shell, interpreter or command launcher; an entry must name the program it runs");
        }
        return argv;
    }

    private static void checkPlaceholders(List<String> argv, Map<String, ParamSpec> params, YamlNodes yaml) {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < argv.size(); i++) {
            for (String name : Placeholders.names(argv.get(i))) {
                if (!params.containsKey(name)) {
                    throw yaml.error("argv[" + i + "]", "placeholder {" + name + "} has no param");
                }
                used.add(name);
            }
        }
        for (String name : params.keySet()) {
            if (!used.contains(name)) {
                throw yaml.error("params." + name, "is not used in argv");
            }
        }
    }

    private static List<String> recognizes(JsonNode entry, Map<String, ParamSpec> params, YamlNodes yaml) {
        List<String> lines = yaml.optional(entry, "recognizes")
                .map(n -> yaml.texts(n, "recognizes"))
                .orElse(List.of());
        for (int i = 0; i < lines.size(); i++) {
            for (String name : Placeholders.names(lines.get(i))) {
                if (!params.containsKey(name)) {
                    throw yaml.error(
                            "recognizes[" + i + "]",
                            "placeholder {" + name + "} is not a declared param" + " (params: "
                                    + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")");
                }
            }
        }
        if (new HashSet<>(lines).size() != lines.size()) {
            throw yaml.error("recognizes", "lists the same line twice");
        }
        return lines;
    }

    /** The {@code params:} mapping of one entry. */
    private static final class ParamParser {
        private static final Map<String, Set<String>> KEYS_BY_TYPE = Map.of(
                "pattern", Set.of("type", "pattern", "max_length"),
                "enum", Set.of("type", "values"),
                "integer", Set.of("type", "min", "max"),
                "path", Set.of("type", "root"));

        private final Map<String, List<Path>> roots;
        private final YamlNodes yaml;

        ParamParser(Map<String, List<Path>> roots, YamlNodes yaml) {
            this.roots = roots;
            this.yaml = yaml;
        }

        Map<String, ParamSpec> params(java.util.Optional<JsonNode> node) {
            Map<String, ParamSpec> params = new LinkedHashMap<>();
            if (node.isEmpty()) {
                return params;
            }
            yaml.mapping(node.get(), "params");
            node.get().properties().forEach(e -> params.put(e.getKey(), param(e.getKey(), e.getValue())));
            return params;
        }

        private ParamSpec param(String name, JsonNode node) {
            String field = "params." + name;
            if (!PARAM_NAME.matcher(name).matches()) {
                throw yaml.error(field, "name must match " + PARAM_NAME.pattern());
            }
            yaml.mapping(node, field);
            String type = yaml.text(yaml.required(node, "type", field + ".type"), field + ".type");
            Set<String> keys = KEYS_BY_TYPE.get(type);
            if (keys == null) {
                throw yaml.error(
                        field + ".type", "unknown type " + Echo.quote(type) + " (known: pattern, enum, integer, path)");
            }
            yaml.onlyKeys(node, field + ".", keys);
            return switch (type) {
                case "pattern" -> pattern(name, node, field);
                case "enum" -> enumeration(name, node, field);
                case "integer" -> integer(name, node, field);
                default -> path(name, node, field);
            };
        }

        private ParamSpec pattern(String name, JsonNode node, String field) {
            String regex = yaml.text(yaml.required(node, "pattern", field + ".pattern"), field + ".pattern");
            long maxLength = yaml.optional(node, "max_length")
                    .map(n -> yaml.integer(n, field + ".max_length"))
                    .orElse((long) ValueChecks.MAX_LENGTH);
            if (maxLength < 1 || maxLength > ValueChecks.MAX_LENGTH) {
                throw yaml.error(
                        field + ".max_length", "must be from 1 to " + ValueChecks.MAX_LENGTH + ", got " + maxLength);
            }
            try {
                return new PatternParam(name, Pattern.compile(regex), (int) maxLength);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw yaml.error(
                        field + ".pattern", "does not compile: " + e.getDescription() + " near index " + e.getIndex());
            }
        }

        private ParamSpec enumeration(String name, JsonNode node, String field) {
            List<String> values = yaml.texts(yaml.required(node, "values", field + ".values"), field + ".values");
            if (values.isEmpty()) {
                throw yaml.error(field + ".values", "must list at least one value");
            }
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value.startsWith("-") || value.length() > ValueChecks.MAX_LENGTH) {
                    throw yaml.error(
                            field + ".values[" + i + "]",
                            Echo.quote(value) + " must not start with '-' and must be at most " + ValueChecks.MAX_LENGTH
                                    + " characters");
                }
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw yaml.error(field + ".values", "lists the same value twice");
            }
            return new EnumParam(name, values);
        }

        private ParamSpec integer(String name, JsonNode node, String field) {
            long min = yaml.integer(yaml.required(node, "min", field + ".min"), field + ".min");
            long max = yaml.integer(yaml.required(node, "max", field + ".max"), field + ".max");
            if (min < 0) {
                throw yaml.error(field + ".min", "must be >= 0 (values are plain digits), got " + min);
            }
            if (max < min) {
                throw yaml.error(field + ".max", "must be >= min (" + min + "), got " + max);
            }
            return new IntegerParam(name, min, max);
        }

        private ParamSpec path(String name, JsonNode node, String field) {
            String root = yaml.text(yaml.required(node, "root", field + ".root"), field + ".root");
            List<Path> folders = roots.get(root);
            if (folders == null) {
                throw yaml.error(
                        field + ".root",
                        "unknown root " + Echo.quote(root) + " (roots: "
                                + (roots.isEmpty()
                                        ? "none declared"
                                        : String.join(", ", new java.util.TreeSet<>(roots.keySet())))
                                + ")");
            }
            return new PathParam(name, root, folders);
        }
    }
}
