package io.runbookbot.alert;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.ParamSpec;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.diagnostics.Suggestions;
import io.runbookbot.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The diagnostics an alert's section suggests ({@link Suggestions}: allowlisted commands its code
 * blocks contain), with parameters taken from the alert's labels: {@code instance} gives
 * {@code host} and {@code port} ({@code db1:5432}, {@code [::1]:9100}); {@code namespace},
 * {@code pod}, {@code service}, {@code job} and {@code container} give the parameters of the same
 * name. A label value replaces the runbook's example value only when it passes the parameter's own
 * check (the same one every run goes through); a value that fails is not used and is reported.
 * The checks still run only through the usual permissions, confirmation, rate limit and audit.
 */
public final class AlertChecks {
    private static final List<String> SAME_NAME = List.of("namespace", "pod", "service", "job", "container");

    private final Suggestions suggestions;
    private final Allowlist allowlist;

    public AlertChecks(Allowlist allowlist) {
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.suggestions = new Suggestions(allowlist);
    }

    /** The section's diagnostics, first occurrence first, prefilled from {@code labels}. */
    public List<AlertCheck> forSection(RunbookSection section, Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        Map<String, Label> values = labelValues(labels);
        List<AlertCheck> checks = new ArrayList<>();
        for (DiagnosticSuggestion s : suggestions.forSection(section)) {
            allowlist.find(s.commandId()).ifPresent(spec -> checks.add(prefill(s, spec, values)));
        }
        return List.copyOf(checks);
    }

    private static AlertCheck prefill(DiagnosticSuggestion s, CommandSpec spec, Map<String, Label> values) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> prefilled = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, ParamSpec> p : spec.params().entrySet()) {
            String name = p.getKey();
            Label label = values.get(name);
            Optional<String> rejection =
                    label == null ? Optional.empty() : p.getValue().reject(label.value());
            if (label != null && rejection.isEmpty()) {
                params.put(name, label.value());
                prefilled.put(name, label.name());
            } else {
                if (label != null) {
                    refused.add("label " + label.name() + ": " + Redactor.redact(rejection.get()));
                }
                if (s.params().containsKey(name)) {
                    params.put(name, s.params().get(name));
                }
            }
        }
        DiagnosticSuggestion filled =
                new DiagnosticSuggestion(s.commandId(), s.description(), params, s.sourceLine(), s.sourceLineNumber());
        return new AlertCheck(filled, prefilled, refused);
    }

    /** A parameter's value and the label it came from. */
    private record Label(String name, String value) {}

    private static Map<String, Label> labelValues(Map<String, String> labels) {
        Map<String, Label> values = new LinkedHashMap<>();
        String instance = labels.get("instance");
        if (instance != null) {
            HostPort hp = HostPort.of(instance);
            hp.host().ifPresent(h -> values.put("host", new Label("instance", h)));
            hp.port().ifPresent(p -> values.put("port", new Label("instance", p)));
        }
        for (String name : SAME_NAME) {
            String v = labels.get(name);
            if (v != null) {
                values.put(name, new Label(name, v));
            }
        }
        return values;
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare host; the port only when it is all digits. */
    record HostPort(Optional<String> host, Optional<String> port) {
        static HostPort of(String instance) {
            String s = instance.strip();
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close > 1) {
                    return new HostPort(Optional.of(s.substring(1, close)), port(s.substring(close + 1)));
                }
                return new HostPort(Optional.empty(), Optional.empty());
            }
            int colon = s.lastIndexOf(':');
            if (colon > 0 && s.indexOf(':') == colon) {
                return new HostPort(Optional.of(s.substring(0, colon)), port(s.substring(colon)));
            }
            return new HostPort(s.isEmpty() || colon >= 0 ? Optional.empty() : Optional.of(s), Optional.empty());
        }

        private static Optional<String> port(String afterHost) {
            if (afterHost.length() < 2 || afterHost.charAt(0) != ':') {
                return Optional.empty();
            }
            String p = afterHost.substring(1);
            return p.chars().allMatch(c -> c >= '0' && c <= '9') && p.length() <= 5 ? Optional.of(p) : Optional.empty();
        }
    }
}
