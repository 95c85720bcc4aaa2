package io.runbookbot.agent.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The HMAC key shared by the bot and one agent: at least {@value #MIN_BYTES} bytes, taken from an
 * environment variable or a file that only its owner can read. Never from a command-line value,
 * and never printed: {@link #toString()} is redacted.
 */
public final class SharedSecret {
    /** The variable the agent reads when no {@code --secret-file} is given. */
    public static final String DEFAULT_ENV = "RUNBOOK_BOT_AGENT_SECRET";

    public static final int MIN_BYTES = 32;
    private static final long MAX_FILE_BYTES = 4096;
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private final byte[] key;

    private SharedSecret(byte[] key) {
        this.key = key;
    }

    /** A secret from raw bytes (tests, generated keys). */
    public static SharedSecret of(byte[] key) {
        Objects.requireNonNull(key, "key");
        return checked(key.clone(), "the given key");
    }

    /** A secret from text; surrounding white space (a file's final newline) is not part of it. */
    public static SharedSecret ofText(String text, String origin) {
        Objects.requireNonNull(text, "text");
        return checked(text.strip().getBytes(StandardCharsets.UTF_8), origin);
    }

    /**
     * The secret in environment variable {@code name}.
     *
     * @param env the environment lookup, handed down by the application (only it reads the
     *            process environment)
     */
    public static SharedSecret fromEnv(String name, Function<String, Optional<String>> env) {
        String value = env.apply(name)
                .orElseThrow(() -> new InvalidSecretException("environment variable " + name + " is not set"));
        return ofText(value, "environment variable " + name);
    }

    /** The secret in {@code file}, which must not be readable or writable by group or others. */
    public static SharedSecret fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            refuseShared(file);
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidSecretException(
                        "secret file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return ofText(Files.readString(file, StandardCharsets.UTF_8), "secret file " + file);
        } catch (IOException e) {
            throw new InvalidSecretException(
                    "cannot read secret file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** {@link #fromFile} when a file is given, else {@link #fromEnv} with {@code envName}. */
    public static SharedSecret fromFileOrEnv(
            Optional<Path> file, String envName, Function<String, Optional<String>> env) {
        return file.isPresent() ? fromFile(file.get()) : fromEnv(envName, env);
    }

    private static void refuseShared(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(SHARED::contains)) {
            throw new InvalidSecretException("secret file " + file + " is accessible by group or others ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
        }
    }

    private static SharedSecret checked(byte[] key, String origin) {
        if (key.length < MIN_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new InvalidSecretException("the secret from " + origin + " is shorter than " + MIN_BYTES
                    + " bytes; generate one with: openssl rand -hex 32");
        }
        return new SharedSecret(key);
    }

    /** The key bytes, for the signer and the verifier only. */
    byte[] key() {
        return key;
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
