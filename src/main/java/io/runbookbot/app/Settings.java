package io.runbookbot.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Lookups over the settings table ({@link Setting}). */
final class Settings {
    private Settings() {}

    /** The settings a command takes, in table order. */
    static List<Setting> of(String command) {
        return Arrays.stream(Setting.values()).filter(s -> s.takenBy(command)).toList();
    }

    /** A variable name, looked up in the table. */
    static Optional<Setting> named(String variable) {
        return Arrays.stream(Setting.values())
                .filter(s -> s.variable().equals(variable))
                .findFirst();
    }
}
