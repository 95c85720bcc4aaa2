package io.runbookbot.app;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistException;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.alert.AlertChecks;
import io.runbookbot.alert.AlertRunbooks;
import io.runbookbot.alert.UrlPrefix;
import io.runbookbot.cli.TerminalBot;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.Summarizer;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.FeedbackSink;
import io.runbookbot.core.chat.SourceLinks;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.diagnostics.InvestigationAuditLog;
import io.runbookbot.llm.InvestigationLimits;
import io.runbookbot.llm.OllamaSummarizer;
import io.runbookbot.llm.RunbookInvestigator;
import io.runbookbot.search.IndexStatus;
import io.runbookbot.search.ReloadingRunbooks;
import io.runbookbot.search.RunbookFolderWatcher;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE wiring point: the bot built once from a {@link BotConfig}. It owns the index (with its folder
 * watcher when serving), the embeddings, diagnostics, the summarizer, the investigator and the
 * bounded pools they run on, the metrics and the logs, and hands one engine to every front end:
 * Slack, Discord and the terminal. Closing it closes them in reverse order of opening.
 */
final class Bot implements TerminalBot {
    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
    static final Duration DEBOUNCE = Duration.ofMillis(500);

    /**
     * How the bot runs: {@code serving} watches the folder, embeds in the background and keeps a
     * feedback log; otherwise (one terminal command) the index is built when first asked, embedded
     * before it answers, and nothing is watched.
     */
    record Profile(boolean serving, TerminalBot.Needs needs) {
        static final Profile SERVE = new Profile(
                true, new TerminalBot.Needs(true, 5, true, true, InvestigationLimits.DEFAULTS.maxToolCalls()));

        static Profile terminal(TerminalBot.Needs needs) {
            return new Profile(false, needs);
        }
    }

    private final Deque<AutoCloseable> resources;
    private final BotConfig config;
    private final Profile profile;
    private final Lazy<ReloadingRunbooks> runbooks;
    private final Metrics metrics;
    private final BotEngine engine;
    /** The allowlist diagnostics run by, also what alerts prefill their checks against. */
    private Optional<Allowlist> allowlist = Optional.empty();

    private Bot(
            BotConfig config, Function<String, Optional<String>> env, Profile profile, Deque<AutoCloseable> resources) {
        this.resources = resources;
        this.config = config;
        this.profile = profile;
        Optional<Embeddings> embeddings = config.ollama()
                .flatMap(o -> o.embedModel()
                        .map(model -> own(Embeddings.ollama(o.baseUrl(), model, o.timeout(), o.cacheDir()))));
        runbooks = new Lazy<>(() -> own(ReloadingRunbooks.open(
                config.runbooks(),
                embeddings,
                RunbookLoader.withMaxFileBytes(config.maxRunbookBytes()),
                !profile.serving())));
        metrics = own(new Metrics(() -> runbooks.get().status()));
        if (profile.serving()) {
            runbooks.get();
            own(RunbookFolderWatcher.start(
                    config.runbooks(), DEBOUNCE, () -> runbooks.get().requestReload()));
        }
        Optional<Diagnostics> diagnostics = diagnostics(env).map(d -> new MeteredDiagnostics(d, metrics));
        FeedbackSink feedback =
                profile.serving() ? own(JsonLinesFeedback.open(config.feedback(), metrics)) : (caller, vote) -> {};
        MeteredSearch search =
                new MeteredSearch((question, top) -> runbooks.get().ask(question, top), metrics);
        engine = BotEngine.builder(() -> search)
                .diagnostics(diagnostics)
                .feedback(feedback)
                .reindex(() -> runbooks.get().requestReload())
                .links(new SourceLinks(config.sourceUrl()))
                .triageMemory(new RecentTriage(com.github.benmanes.caffeine.cache.Ticker.systemTicker()))
                .defaultAgent(config.runOn())
                .candidates(profile.needs().candidates())
                .investigator(investigator(diagnostics))
                .summarizer(summarizer())
                .slowWork(own(BotPools.open(config.ollama().map(BotConfig.Ollama::timeout)))
                        .work())
                .build();
    }

    /** Builds the bot; if a part fails, the parts already opened are closed. */
    static Bot open(BotConfig config, Function<String, Optional<String>> env, Profile profile) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return new Bot(config, env, profile, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    @Override
    public BotEngine engine() {
        return engine;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The folder being served. */
    Path runbookDir() {
        return config.runbooks();
    }

    /** Alert to runbook section over the runbooks served now, checks prefilled against the allowlist. */
    AlertRunbooks alertRunbooks(List<UrlPrefix> prefixes) {
        return new AlertRunbooks(
                () -> runbooks.get().runbooks(),
                runbooks.get(),
                prefixes,
                allowlist.map(AlertChecks::new),
                new SourceLinks(config.sourceUrl()),
                config.runOn());
    }

    IndexStatus indexStatus() {
        return runbooks.get().status();
    }

    /** Grounded summaries, when Ollama and a chat model are configured and wanted. */
    private Optional<Summarizer> summarizer() {
        if (!profile.needs().summaries()) {
            return Optional.empty();
        }
        return config.ollama()
                .flatMap(o -> o.chatModel()
                        .map(model -> own(OllamaSummarizer.builder(o.baseUrl(), model)
                                .timeout(o.timeout())
                                .prompts(o.prompts())
                                .build())));
    }

    private Optional<Diagnostics> diagnostics(Function<String, Optional<String>> env) {
        if (config.allowlist().isEmpty()) {
            LOG.info(
                    "Diagnostics disabled: no allowlist (set {} or add allowlist.yaml to the runbooks folder)",
                    Setting.ALLOWLIST.variable());
            return Optional.empty();
        }
        Allowlist allowlist;
        try {
            allowlist = Allowlist.load(config.allowlist().get());
        } catch (AllowlistException e) {
            throw new ConfigException(
                    profile.serving() ? Setting.ALLOWLIST.variable() + ": " + e.getMessage() : e.getMessage());
        }
        this.allowlist = Optional.of(allowlist);
        DiagnosticsService.Builder builder = DiagnosticsService.builder(allowlist);
        if (profile.needs().runs()) {
            builder.local(own(
                            profile.serving()
                                    ? new CommandRunner(4, Duration.ofSeconds(2))
                                    : new CommandRunner(1, Duration.ZERO)))
                    .audit(own(openAudit(config.auditLog())));
            config.agents().ifPresent(file -> builder.agents(new AgentGateway(AgentRegistry.load(file), env)));
        }
        return Optional.of(builder.build());
    }

    /** The investigate agent, when a chat model is configured; it searches the index, not the metered search. */
    private Optional<Investigator> investigator(Optional<Diagnostics> diagnostics) {
        Optional<BotConfig.Ollama> ollama =
                config.ollama().filter(o -> o.chatModel().isPresent());
        if (!profile.needs().investigates()) {
            return Optional.empty();
        }
        if (ollama.isEmpty()) {
            String set = "set " + Setting.OLLAMA_URL.variable() + " and " + Setting.CHAT_MODEL.variable();
            LOG.info("Investigate disabled: no chat model ({})", set);
            return Optional.of((caller, symptom) -> {
                throw new UserFacingException("Investigate needs a chat model, and this bot has none (" + set
                        + "). Ask the runbooks directly: /runbook <symptom> (Discord: /runbook ask)");
            });
        }
        BotConfig.Ollama o = ollama.get();
        String model = o.chatModel().get();
        InvestigationAuditLog log;
        try {
            log = own(InvestigationAuditLog.open(o.investigationLog()));
        } catch (IOException e) {
            throw new ConfigException(Setting.INVESTIGATION_LOG.variable() + ": cannot open " + o.investigationLog()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        InvestigationLimits limits = InvestigationLimits.DEFAULTS
                .withWallTime(o.investigationTime())
                .withMaxToolCalls(profile.needs().maxToolCalls());
        return Optional.of(own(RunbookInvestigator.builder(
                        RunbookInvestigator.ollama(o.baseUrl(), model, o.timeout()),
                        model,
                        (question, top) -> runbooks.get().ask(question, top))
                .diagnostics(diagnostics)
                .audit(log)
                .prompts(o.prompts())
                .limits(limits)
                .build()));
    }

    private static AuditLog openAudit(Path file) {
        try {
            return AuditLog.open(file);
        } catch (IOException e) {
            throw new ConfigException(Setting.AUDIT_LOG.variable() + ": cannot open " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        synchronized (resources) {
            resources.push(resource);
        }
        return resource;
    }

    /** Closes the pools, the watcher, the index and the logs, newest first. */
    @Override
    public void close() {
        synchronized (resources) {
            closeAll(resources);
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
