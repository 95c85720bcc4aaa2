package io.runbookbot.app;

import io.runbookbot.cli.CommandSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A command's settings, as the {@code cli} package sees them, read from {@link SettingValues}. */
final class CliSettings implements CommandSettings {
    private final SettingValues values;

    CliSettings(SettingValues values) {
        this.values = values;
    }

    @Override
    public Path runbooks() {
        return values.value(Setting.RUNBOOKS, Path.class);
    }

    @Override
    public long maxRunbookBytes() {
        return values.value(Setting.MAX_RUNBOOK_BYTES, Long.class);
    }

    @Override
    public Optional<Path> allowlist() {
        return values.allowlist();
    }

    @Override
    public Path requireAllowlist() {
        return allowlist()
                .orElseThrow(
                        () -> new ConfigException("No allowlist: " + runbooks().resolve("allowlist.yaml")
                                + " not found (pass " + Setting.ALLOWLIST.flag().orElseThrow() + " FILE or set "
                                + Setting.ALLOWLIST.variable() + ")"));
    }

    @Override
    public Optional<Path> agents() {
        return values.get(Setting.AGENTS, Path.class);
    }

    @Override
    public Path auditLog() {
        return values.value(Setting.AUDIT_LOG, Path.class);
    }

    @Override
    public Optional<String> ollamaUrl() {
        return values.get(Setting.OLLAMA_URL, String.class);
    }

    @Override
    public Optional<String> embedModel() {
        return ollamaUrl()
                .map(u -> values.value(Setting.EMBED_MODEL, String.class))
                .filter(m -> !m.equals("none"));
    }

    @Override
    public Optional<String> chatModel() {
        return ollamaUrl().flatMap(u -> values.get(Setting.CHAT_MODEL, String.class));
    }

    @Override
    public String chatModelHint() {
        return "pass " + Setting.OLLAMA_URL.flag().orElseThrow() + " URL "
                + Setting.CHAT_MODEL.flag().orElseThrow() + " MODEL, or set " + Setting.OLLAMA_URL.variable() + " and "
                + Setting.CHAT_MODEL.variable();
    }

    @Override
    public Duration ollamaTimeout() {
        return values.value(Setting.OLLAMA_TIMEOUT, Duration.class);
    }

    @Override
    public Path cacheDir() {
        return values.value(Setting.CACHE_DIR, Path.class);
    }

    @Override
    public Path prompts() {
        return values.value(Setting.PROMPTS, Path.class);
    }

    @Override
    public Path investigationLog() {
        return values.value(Setting.INVESTIGATION_LOG, Path.class);
    }

    @Override
    public Duration investigationTime() {
        return values.value(Setting.INVESTIGATE_TIMEOUT, Duration.class);
    }
}
