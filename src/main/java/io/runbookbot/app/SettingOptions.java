package io.runbookbot.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes the settings table the options of every command: each command gets one flag per setting it
 * takes (never for a secret) and {@code --config FILE}, with the help line, variable and default of
 * the table. A flag is an override fed into the same {@link SettingValues} as the environment.
 */
final class SettingOptions {
    static final String CONFIG = "--config";

    private SettingOptions() {}

    /** Adds the table's options to each subcommand that takes settings. */
    static void install(CommandLine root) {
        root.getSubcommands().forEach((name, sub) -> {
            List<Setting> settings = Settings.of(name);
            if (settings.isEmpty()) {
                return;
            }
            CommandSpec spec = sub.getCommandSpec();
            settings.stream().filter(s -> s.flag().isPresent()).forEach(s -> spec.addOption(option(s)));
            spec.addOption(OptionSpec.builder(CONFIG)
                    .paramLabel("FILE")
                    .type(String.class)
                    .description("YAML file of settings by variable name; flags, then the environment, win over it.")
                    .build());
            List<String> secrets = settings.stream()
                    .filter(Setting::secret)
                    .map(s -> "  " + s.variable() + ": " + s.help())
                    .toList();
            if (!secrets.isEmpty()) {
                List<String> footer = new java.util.ArrayList<>(
                        List.of("", "Secrets: only from the environment, or a mounted file named by NAME_FILE:"));
                footer.addAll(secrets);
                spec.usageMessage().footer(footer.toArray(String[]::new));
            }
        });
    }

    /** The settings of a parsed command: its flags over the environment over its {@code --config} file. */
    static SettingValues values(CommandSpec spec, Function<String, Optional<String>> env) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting s : Settings.of(spec.name())) {
            s.flag().map(spec::findOption).map(OptionSpec::<String>getValue).ifPresent(v -> flags.put(s, v));
        }
        Optional<Path> config = Optional.ofNullable(spec.findOption(CONFIG))
                .map(OptionSpec::<String>getValue)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(Path::of);
        return SettingValues.of(env, config, flags);
    }

    private static OptionSpec option(Setting s) {
        String fallback = s.defaultValue().map(d -> "; default: " + d).orElse("");
        return OptionSpec.builder(s.flag().orElseThrow())
                .paramLabel(s.label())
                .type(String.class)
                .description(s.help() + " (env " + s.variable() + fallback + ").")
                .build();
    }
}
