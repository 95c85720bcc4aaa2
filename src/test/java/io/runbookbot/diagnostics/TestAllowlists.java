package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.ParamSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Hand-made allowlist entries for tests, built from the records directly (no loader). The
 * parameter types mimic the allowlist's: shared checks first (non-empty, at most 256 characters,
 * no control characters, no leading '-'), then the type's own.
 */
final class TestAllowlists {
    private TestAllowlists() {}

    static ParamSpec integer(String name, long min, long max) {
        return param(
                name,
                "integer " + min + "-" + max,
                "must be an integer from " + min + " to " + max,
                v -> v.matches("[0-9]{1,18}") && Long.parseLong(v) >= min && Long.parseLong(v) <= max);
    }

    static ParamSpec pattern(String name, String regex) {
        Pattern p = Pattern.compile(regex);
        return param(
                name,
                "pattern " + regex,
                "must match " + regex,
                v -> p.matcher(v).matches());
    }

    static ParamSpec oneOf(String name, String... values) {
        List<String> list = List.of(values);
        return param(
                name,
                "one of: " + String.join(", ", list),
                "must be one of: " + String.join(", ", list),
                list::contains);
    }

    private static ParamSpec param(String name, String describe, String problem, Predicate<String> ok) {
        return new ParamSpec() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> reject(String value) {
                boolean shared = !value.isEmpty()
                        && value.length() <= 256
                        && !value.startsWith("-")
                        && value.chars().noneMatch(Character::isISOControl);
                return shared && ok.test(value) ? Optional.empty() : Optional.of(name + ": " + problem);
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    static Map<String, ParamSpec> params(ParamSpec... specs) {
        Map<String, ParamSpec> map = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            map.put(s.name(), s);
        }
        return map;
    }

    static CommandSpec spec(String id, Map<String, ParamSpec> params, List<String> recognizes) {
        return spec(id, true, params, recognizes, Access.NOBODY);
    }

    static CommandSpec spec(
            String id, boolean readOnly, Map<String, ParamSpec> params, List<String> recognizes, Access access) {
        return new CommandSpec(
                id, "about " + id, List.of(id), params, Duration.ofSeconds(5), 65_536, readOnly, recognizes, access);
    }

    static Allowlist allowlist(Access access, CommandSpec... specs) {
        return new Allowlist(List.of(specs), access, "test");
    }

    /** The read-only checks of the bundled runbooks, as runbooks/allowlist.yaml has them. */
    static Allowlist sample() {
        ParamSpec port = integer("port", 1, 65535);
        ParamSpec unit = pattern("unit", "[A-Za-z0-9][A-Za-z0-9@._:-]{0,99}");
        return allowlist(
                Access.NOBODY,
                spec(
                        "listening-port",
                        params(port),
                        List.of(
                                "lsof -i :{port}",
                                "lsof -i:{port}",
                                "lsof -t -i :{port}",
                                "netstat -ano | findstr :{port}",
                                "netstat -tlnp | grep {port}",
                                "netstat -tlnp | grep :{port}")),
                spec(
                        "http-health",
                        params(port, pattern("path", "/(?!.*\\.\\.)[A-Za-z0-9/_.-]{0,100}")),
                        List.of(
                                "curl http://localhost:{port}{path}",
                                "curl -s http://localhost:{port}{path}",
                                "curl localhost:{port}{path}")),
                spec("disk-usage", Map.of(), List.of("df -h", "df")),
                spec("memory", Map.of(), List.of("free -m", "free -h", "free")),
                spec(
                        "process-by-name",
                        params(pattern("name", "[A-Za-z0-9][A-Za-z0-9._:@+=,/-]{0,63}")),
                        List.of("pgrep -fa {name}", "pgrep -f {name}", "ps aux | grep {name}")),
                spec(
                        "service-status",
                        params(unit),
                        List.of("systemctl status {unit}", "sudo systemctl status {unit}")),
                spec(
                        "journal-since",
                        params(unit, oneOf("since", "10 min ago", "1 hour ago", "today")),
                        List.of("journalctl -u {unit} --since \"{since}\"", "journalctl -u {unit} --since {since}")),
                spec(
                        "journal-recent",
                        params(unit, integer("lines", 1, 1000)),
                        List.of("journalctl -u {unit} -n {lines}")),
                spec(
                        "log-tail",
                        params(integer("lines", 1, 2000), pattern("file", "[A-Za-z0-9_./-]{1,200}")),
                        List.of("tail -n {lines} {file}", "tail -{lines} {file}")),
                spec("redis-ping", Map.of(), List.of("redis-cli ping")));
    }
}
