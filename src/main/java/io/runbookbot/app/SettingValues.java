package io.runbookbot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings one command runs with, resolved row by row from {@link Setting}: the command-line
 * flag, else the environment, else the {@code --config} file (a secret: the environment, else the
 * file named by {@code NAME_FILE}), else the row's default. A value is parsed and checked when it
 * is asked for, so a command never fails on a setting it does not use; every error names where
 * the bad value came from.
 */
final class SettingValues {
    private final Function<String, Optional<String>> env;
    private final Optional<Path> configFile;
    private final Map<String, String> file;
    private final Map<Setting, String> flags;

    private SettingValues(
            Function<String, Optional<String>> env, Optional<Path> configFile, Map<Setting, String> flags) {
        this.env = env;
        this.configFile = configFile;
        this.file = configFile.map(ConfigFile::read).orElse(Map.of());
        this.flags = flags.isEmpty() ? Map.of() : new EnumMap<>(flags);
    }

    /** Reads the config file, if any, at once, so a typo in it fails fast. */
    static SettingValues of(
            Function<String, Optional<String>> env, Optional<Path> configFile, Map<Setting, String> flags) {
        return new SettingValues(env, configFile, flags);
    }

    /** The value of a setting, when one is given anywhere (defaults not applied). */
    <T> Optional<T> get(Setting setting, Class<T> type) {
        return raw(setting).map(v -> type.cast(parse(setting, v)));
    }

    /** The value of a setting that has a default. */
    <T> T value(Setting setting, Class<T> type) {
        return get(setting, type)
                .orElseGet(() ->
                        type.cast(setting.kind().parse(setting.defaultValue().orElseThrow())));
    }

    /** The allowlist: the one named, else {@code allowlist.yaml} in the runbooks folder when there is one. */
    Optional<Path> allowlist() {
        Optional<Path> named = get(Setting.ALLOWLIST, Path.class);
        if (named.isPresent()) {
            return named;
        }
        Path fallback = value(Setting.RUNBOOKS, Path.class).resolve("allowlist.yaml");
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** Where a setting's value comes from, for messages: its flag, its variable, or the config file. */
    String source(Setting setting) {
        if (flags.containsKey(setting)) {
            return setting.flag().orElseThrow();
        }
        if (env.apply(setting.variable()).isPresent()) {
            return setting.variable();
        }
        if (setting.secret()) {
            return setting.variable() + "_FILE";
        }
        return file.containsKey(setting.variable())
                ? setting.variable() + " in " + configFile.map(Path::toString).orElse("--config")
                : setting.variable();
    }

    /** One line per setting of the command, secrets showing only a known prefix, for the start-up log. */
    List<String> summary(String command) {
        List<String> lines = new ArrayList<>();
        for (Setting s : Settings.of(command)) {
            Optional<String> raw = raw(s);
            String shown = raw.isPresent()
                    ? SettingKind.show(parse(s, raw.get()))
                            + (source(s).equals(s.variable()) ? "" : " (" + source(s) + ")")
                    : s.defaultValue().map(d -> d + " (default)").orElseGet(() -> unset(s));
            lines.add(s.variable() + "=" + shown);
        }
        return List.copyOf(lines);
    }

    private String unset(Setting setting) {
        if (setting == Setting.ALLOWLIST) {
            return allowlist()
                    .map(p -> p + " (found in the runbooks folder)")
                    .orElse("(not set, none in the runbooks " + "folder: diagnostics off)");
        }
        return "(not set)";
    }

    private Object parse(Setting setting, String value) {
        try {
            return setting.kind().parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source(setting) + ": " + e.getMessage());
        }
    }

    private Optional<String> raw(Setting setting) {
        Optional<String> flag = Optional.ofNullable(flags.get(setting));
        if (flag.isPresent()) {
            return flag.filter(v -> !v.isBlank());
        }
        Optional<String> direct = env.apply(setting.variable()).filter(v -> !v.isBlank());
        if (direct.isPresent()) {
            return direct;
        }
        return setting.secret()
                ? mounted(setting)
                : Optional.ofNullable(file.get(setting.variable())).filter(v -> !v.isBlank());
    }

    /** A secret from the file named by {@code NAME_FILE}, trailing newline dropped. */
    private Optional<String> mounted(Setting setting) {
        String name = setting.variable() + "_FILE";
        Optional<String> path = env.apply(name).filter(v -> !v.isBlank());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(path.get().trim()), StandardCharsets.UTF_8)
                            .replaceFirst("\\R\\z", ""))
                    .filter(v -> !v.isBlank());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(name + ": cannot read " + path.get());
        }
    }
}
