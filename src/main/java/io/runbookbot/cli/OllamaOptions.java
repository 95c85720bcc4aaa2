package io.runbookbot.cli;

import io.runbookbot.search.embed.Embeddings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The optional Ollama server shared by {@code ask}, {@code search}, {@code eval} and {@code investigate}. Without
 * {@code --ollama-url} (or {@code RUNBOOK_BOT_OLLAMA_URL}) every command runs on keyword search alone.
 */
public final class OllamaOptions {
    @Option(names = "--ollama-url", paramLabel = "URL", defaultValue = "${env:RUNBOOK_BOT_OLLAMA_URL}",
            description = "Ollama server, e.g. http://127.0.0.1:11434 (default: $RUNBOOK_BOT_OLLAMA_URL; unset = keyword search only).")
    @Nullable String url;

    @Option(names = "--embed-model", paramLabel = "MODEL",
            defaultValue = "${env:RUNBOOK_BOT_EMBED_MODEL:-nomic-embed-text}",
            description = "Embedding model for hybrid retrieval; 'none' turns it off (default: ${DEFAULT-VALUE}).")
    String embedModel = "nomic-embed-text";

    @Option(names = "--chat-model", paramLabel = "MODEL", defaultValue = "${env:RUNBOOK_BOT_CHAT_MODEL}",
            description = "Chat model for summaries and investigate (default: $RUNBOOK_BOT_CHAT_MODEL).")
    @Nullable String chatModel;

    @Option(names = "--ollama-timeout", paramLabel = "SECONDS", defaultValue = "${env:RUNBOOK_BOT_OLLAMA_TIMEOUT:-10}",
            description = "How long one Ollama call may take (default: ${DEFAULT-VALUE} s).")
    double timeoutSeconds = 10;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${env:RUNBOOK_BOT_CACHE_DIR:-runbook-bot-cache}",
            description = "Where embeddings are cached by content hash and model (default: ${DEFAULT-VALUE}).")
    Path cacheDir = Path.of("runbook-bot-cache");

    @Option(names = "--prompts", paramLabel = "DIR", defaultValue = "${env:RUNBOOK_BOT_PROMPTS:-prompts}",
            description = "Folder of the prompt templates for summaries and investigate (default: ${DEFAULT-VALUE}).")
    Path prompts = Path.of("prompts");

    /** The server's base URL, when one is configured. */
    public Optional<String> url() {
        return Optional.ofNullable(url).map(String::trim).filter(u -> !u.isEmpty()).map(u -> u.replaceFirst("/+$", ""));
    }

    /** The embedding model, when Ollama is configured and embeddings are not turned off. */
    public Optional<String> embedModel() {
        return url().flatMap(u -> Optional.of(embedModel.trim())).filter(m -> !m.isEmpty() && !m.equals("none"));
    }

    /**
     * The embeddings for hybrid retrieval, when Ollama and an embedding model are configured; the
     * caller closes them.
     */
    public Optional<Embeddings> embeddings() {
        return embedModel().map(model -> Embeddings.ollama(url().orElseThrow(), model, timeout(), cacheDir()));
    }

    /** The chat model, when Ollama and a chat model are configured. */
    public Optional<String> chatModel() {
        return url().flatMap(u -> Optional.ofNullable(chatModel)).map(String::trim).filter(m -> !m.isEmpty());
    }

    public Duration timeout() {
        return Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    }

    public Path prompts() {
        return prompts;
    }

    public Path cacheDir() {
        return cacheDir;
    }
}
