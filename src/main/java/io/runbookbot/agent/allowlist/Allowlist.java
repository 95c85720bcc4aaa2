package io.runbookbot.agent.allowlist;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands that may be run, and nothing else (deny by default).
 *
 * @param commands the entries, in file order, ids unique
 * @param access   who may run any entry from chat (entries may grant more)
 * @param source   where it was loaded from, for messages
 */
public record Allowlist(List<CommandSpec> commands, Access access, String source) {
    public Allowlist {
        commands = List.copyOf(commands);
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(source, "source");
    }

    public Optional<CommandSpec> find(String id) {
        return commands.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Reads and validates an allowlist file; see {@link AllowlistLoader#load(Path)}. */
    public static Allowlist load(Path file) {
        return AllowlistLoader.load(file);
    }

    /** Parses and validates allowlist YAML; see {@link AllowlistLoader#parse(String, String)}. */
    public static Allowlist parse(String yaml, String source) {
        return AllowlistLoader.parse(yaml, source);
    }
}
