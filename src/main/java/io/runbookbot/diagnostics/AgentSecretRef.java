package io.runbookbot.diagnostics;

import io.runbookbot.agent.protocol.SharedSecret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Where an agent's shared secret is kept: the registry names the place, never the secret. */
public sealed interface AgentSecretRef {

    /** Reads the secret; throws {@link io.runbookbot.agent.protocol.InvalidSecretException} when unusable. */
    SharedSecret resolve(Function<String, Optional<String>> env);

    /** For messages: {@code secret_env NAME} or {@code secret_file PATH}. */
    String describe();

    /** An environment variable, e.g. {@code RUNBOOK_BOT_AGENT_SECRET_WEB1}. */
    record EnvVar(String name) implements AgentSecretRef {
        public EnvVar {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SharedSecret resolve(Function<String, Optional<String>> env) {
            return SharedSecret.fromEnv(name, env);
        }

        @Override
        public String describe() {
            return "secret_env " + name;
        }
    }

    /** A file only its owner can read, e.g. {@code /run/secrets/web1}. */
    record File(Path path) implements AgentSecretRef {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public SharedSecret resolve(Function<String, Optional<String>> env) {
            return SharedSecret.fromFile(path);
        }

        @Override
        public String describe() {
            return "secret_file " + path;
        }
    }
}
