package io.runbookbot.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings a command runs with, resolved by the app from its one settings table: the command's
 * flag, else the environment, else its {@code --config} file, else the table's default. A value is
 * checked when asked for, and a bad one is a user-facing error naming where it came from.
 */
public interface CommandSettings {
    /** The runbook folder. */
    Path runbooks();

    /** Runbook files larger than this are skipped. */
    long maxRunbookBytes();

    /** The allowlist named, else {@code allowlist.yaml} in the runbook folder when it exists. */
    Optional<Path> allowlist();

    /** The allowlist, or a user-facing error saying none was found and how to name one. */
    Path requireAllowlist();

    Optional<Path> agents();

    Path auditLog();

    /** The Ollama server's base URL, when one is configured. */
    Optional<String> ollamaUrl();

    /** The embedding model, when Ollama is configured and embeddings are not turned off. */
    Optional<String> embedModel();

    /** The chat model, when Ollama and a chat model are configured. */
    Optional<String> chatModel();

    /** What to set for a chat model, for messages. */
    String chatModelHint();

    Duration ollamaTimeout();

    Path cacheDir();

    Path prompts();

    Path investigationLog();

    Duration investigationTime();
}
