package io.runbookbot.app;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one door to the process environment: other packages get this lookup handed to them and
 * never read the environment themselves (secrets such as agent keys come through here).
 */
public final class Environment {
    private Environment() {}

    /** Looks up an environment variable; empty when unset or blank. */
    public static Function<String, Optional<String>> variables() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
