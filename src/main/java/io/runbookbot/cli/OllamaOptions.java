package io.runbookbot.cli;

import io.runbookbot.search.embed.Embeddings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The optional Ollama server shared by {@code ask}, {@code search}, {@code eval}, {@code bench} and
 * {@code investigate}; without a URL every command runs on keyword search alone. The flags come
 * from the app's settings table.
 */
@Command
public final class OllamaOptions {
    private final Function<CommandSpec, CommandSettings> settings;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public OllamaOptions(Function<CommandSpec, CommandSettings> settings) {
        this.settings = settings;
    }

    private CommandSettings settings() {
        return settings.apply(command);
    }

    /** The server's base URL, when one is configured. */
    public Optional<String> url() {
        return settings().ollamaUrl();
    }

    /** The embedding model, when Ollama is configured and embeddings are not turned off. */
    public Optional<String> embedModel() {
        return settings().embedModel();
    }

    /**
     * The embeddings for hybrid retrieval, when Ollama and an embedding model are configured; the
     * caller closes them.
     */
    public Optional<Embeddings> embeddings() {
        return embedModel().map(this::embeddings);
    }

    /**
     * The embeddings of {@code model} on the configured server, for the commands that search
     * directly ({@code search}, {@code eval}, {@code bench}); the caller closes them. The bot's
     * own are built by the app, once.
     */
    public Embeddings embeddings(String model) {
        return Embeddings.ollama(url().orElseThrow(), model, timeout(), cacheDir());
    }

    /** The chat model, when Ollama and a chat model are configured. */
    public Optional<String> chatModel() {
        return settings().chatModel();
    }

    /** What to set for a chat model, for messages. */
    public String chatModelHint() {
        return settings().chatModelHint();
    }

    public Duration timeout() {
        return settings().ollamaTimeout();
    }

    public Path cacheDir() {
        return settings().cacheDir();
    }
}
