package io.runbookbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.yaml.YamlTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code --config} YAML file: a map of setting names (the variables of {@link Setting}) to single
 * values. Unknown names and secrets are refused, naming the key and never echoing a value.
 */
final class ConfigFile {
    private ConfigFile() {}

    static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = YamlTrees.read(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("--config " + file + ": not valid YAML near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + (e.getOriginalMessage().startsWith("Duplicate field") ? " (a setting given twice)" : ""));
        } catch (IOException e) {
            throw new ConfigException(
                    "--config " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new ConfigException("--config " + file + ": expected a map of setting names to values");
        }
        root.properties().forEach(e -> {
            Setting setting = Settings.named(e.getKey())
                    .orElseThrow(() -> new ConfigException("--config " + file
                            + ": unknown setting " + e.getKey() + " (known: "
                            + String.join(
                                    ", ",
                                    Arrays.stream(Setting.values())
                                            .filter(s -> !s.secret())
                                            .map(Setting::variable)
                                            .sorted()
                                            .toList())
                            + ")"));
            if (setting.secret()) {
                throw new ConfigException("--config " + file + ": " + e.getKey() + " may not be in a config file; "
                        + "set it in the environment or mount it and set " + e.getKey() + "_FILE");
            }
            if (!e.getValue().isValueNode()) {
                throw new ConfigException("--config " + file + ": " + e.getKey() + " must be a single value");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }
}
