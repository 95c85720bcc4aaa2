package io.runbookbot.agent.allowlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One allowlist entry.
 *
 * @param id          stable identifier ({@code [a-z0-9][a-z0-9-]*})
 * @param description what it shows, for people
 * @param argv        fixed argv template; {@code {name}} placeholders are replaced by validated
 *                    parameter values (never run through a shell)
 * @param params      typed parameters by name, in declaration order
 * @param timeout     the run is killed, with its children, after this long
 * @param outputCap   bytes kept of stdout and of stderr each; the rest is cut and marked
 * @param readOnly    false when the command changes something: it then needs confirmation
 * @param recognizes  runbook command lines that mean this entry, with {@code {name}} placeholders
 *                    that capture parameter values (e.g. {@code lsof -i :{port}})
 * @param access      who may run it from chat, in addition to the allowlist's global access
 */
public record CommandSpec(
        String id,
        String description,
        List<String> argv,
        Map<String, ParamSpec> params,
        Duration timeout,
        int outputCap,
        boolean readOnly,
        List<String> recognizes,
        Access access) {
    public CommandSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        argv = List.copyOf(argv);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(timeout, "timeout");
        recognizes = List.copyOf(recognizes);
        Objects.requireNonNull(access, "access");
    }
}
