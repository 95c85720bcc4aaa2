package io.runbookbot.app;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistException;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.Summarizer;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.core.chat.SourceLinks;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.diagnostics.InvestigationAuditLog;
import io.runbookbot.llm.InvestigationLimits;
import io.runbookbot.llm.OllamaSummarizer;
import io.runbookbot.llm.RunbookInvestigator;
import io.runbookbot.search.ReloadingRunbooks;
import io.runbookbot.search.RunbookFolderWatcher;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code serve} runs, wired from one {@link BotConfig}: the reloading index and its
 * folder watcher, diagnostics, the feedback log, the engine, the HTTP endpoints and the chat front
 * ends. Closing it stops them in reverse order of starting.
 */
final class BotServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);
    static final Duration DEBOUNCE = Duration.ofMillis(500);

    private final Deque<AutoCloseable> resources;
    private final ReloadingRunbooks runbooks;
    private final HealthServer http;
    private final List<FrontEnd> frontEnds;

    private BotServer(BotConfig config, Function<String, Optional<String>> env, Deque<AutoCloseable> resources) {
        this.resources = resources;
        Optional<Embeddings> embeddings = config.ollama().flatMap(o -> o.embedModel()
                .map(model -> own(Embeddings.ollama(o.baseUrl(), model, o.timeout(), o.cacheDir()))));
        runbooks = own(ReloadingRunbooks.open(config.runbooks(), embeddings,
                RunbookLoader.withMaxFileBytes(config.maxRunbookBytes())));
        own(RunbookFolderWatcher.start(config.runbooks(), DEBOUNCE, runbooks::requestReload));
        Metrics metrics = new Metrics(runbooks::status);
        Optional<Diagnostics> diagnostics = diagnostics(config, env)
                .map(d -> new MeteredDiagnostics(d, metrics));
        JsonLinesFeedback feedback = own(JsonLinesFeedback.open(config.feedback(), metrics));
        MeteredSearch search = new MeteredSearch(runbooks, metrics);
        ChatEngine engine = BotEngine.builder(() -> search).diagnostics(diagnostics).feedback(feedback)
                .reindex(runbooks::requestReload).links(new SourceLinks(config.sourceUrl())).defaultAgent(config.runOn())
                .investigator(investigator(config, diagnostics))
                .summarizer(summarizer(config))
                .build();
        http = own(HealthServer.start(new InetSocketAddress(config.httpBind(), config.httpPort()), this::notReady,
                metrics));
        LOG.info("/healthz, /readyz and /metrics listen on {}{}", http.address(), config.httpBind().isLoopbackAddress()
                ? " (this host only; set " + Setting.HTTP_BIND.variable() + "=0.0.0.0 for probes from elsewhere)" : "");
        metrics.listener("health", () -> Optional.of(http.stats()));
        frontEnds = FrontEnds.start(config, engine);
        frontEnds.forEach(this::own);
        frontEnds.forEach(f -> metrics.listener(f.name(), f::httpStats));
    }

    /** Starts everything; if a part fails, the parts already started are closed. */
    static BotServer start(BotConfig config, Function<String, Optional<String>> env) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return new BotServer(config, env, resources);
        } catch (RuntimeException e) {
            while (!resources.isEmpty()) {
                closeQuietly(resources.pop());
            }
            throw e;
        }
    }

    int httpPort() {
        return http.port();
    }

    List<FrontEnd> frontEnds() {
        return frontEnds;
    }

    /**
     * Why the bot is not ready: empty when the runbook folder is there, the index is loaded and
     * every front end is connected; a front end that failed to start is named with its cause.
     */
    List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        if (!Files.isDirectory(runbooks.dir())) {
            reasons.add("the runbook folder is missing (" + runbooks.dir() + "); answering from the last index");
        } else if (runbooks.status().sections() == 0) {
            reasons.add("the runbook index has no sections (" + runbooks.dir() + ")");
        }
        frontEnds.stream().filter(f -> !f.ready()).forEach(f -> reasons.add(f.name() + ": " + f.startFailure()
                .map(cause -> "failed to start: " + cause).orElse("not connected")));
        return reasons;
    }

    /** Grounded summaries, when Ollama and a chat model are configured. */
    private Optional<Summarizer> summarizer(BotConfig config) {
        return config.ollama().flatMap(o -> o.chatModel().map(model -> own(OllamaSummarizer.builder(o.baseUrl(), model)
                .timeout(o.timeout()).prompts(o.prompts()).build())));
    }

    private Optional<Diagnostics> diagnostics(BotConfig config, Function<String, Optional<String>> env) {
        if (config.allowlist().isEmpty()) {
            LOG.info("Diagnostics disabled: no allowlist (set {} or add allowlist.yaml to the runbooks folder)",
                    Setting.ALLOWLIST.variable());
            return Optional.empty();
        }
        Allowlist allowlist;
        try {
            allowlist = Allowlist.load(config.allowlist().get());
        } catch (AllowlistException e) {
            throw new ConfigException(Setting.ALLOWLIST.variable() + ": " + e.getMessage());
        }
        DiagnosticsService.Builder builder = DiagnosticsService.builder(allowlist)
                .local(own(new CommandRunner(4, Duration.ofSeconds(2))))
                .audit(own(openAudit(config.auditLog())));
        config.agents().ifPresent(file -> builder.agents(new AgentGateway(AgentRegistry.load(file), env)));
        return Optional.of(builder.build());
    }

    /** The investigate agent, when a chat model is configured; it searches the index, not the metered search. */
    private Optional<Investigator> investigator(BotConfig config, Optional<Diagnostics> diagnostics) {
        Optional<BotConfig.Ollama> ollama = config.ollama().filter(o -> o.chatModel().isPresent());
        if (ollama.isEmpty()) {
            LOG.info("Investigate disabled: no chat model (set {} and {})", Setting.OLLAMA_URL.variable(),
                    Setting.CHAT_MODEL.variable());
            return Optional.empty();
        }
        BotConfig.Ollama o = ollama.get();
        String model = o.chatModel().get();
        InvestigationAuditLog log;
        try {
            log = own(InvestigationAuditLog.open(o.investigationLog()));
        } catch (IOException e) {
            throw new ConfigException(Setting.INVESTIGATION_LOG.variable() + ": cannot open " + o.investigationLog() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return Optional.of(own(RunbookInvestigator.builder(RunbookInvestigator.ollama(o.baseUrl(), model, o.timeout()),
                        model, runbooks).diagnostics(diagnostics).audit(log).prompts(o.prompts())
                .limits(InvestigationLimits.DEFAULTS.withWallTime(o.investigationTime())).build()));
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
        resources.push(resource);
        return resource;
    }

    /** Stops the front ends, then HTTP, the watcher and the index, then closes the logs. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
        }
    }
}
