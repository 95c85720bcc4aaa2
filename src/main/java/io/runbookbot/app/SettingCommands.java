package io.runbookbot.app;

import java.util.Set;

/** Which commands take which settings. */
interface SettingCommands {
    Set<String> SERVE = Set.of("serve");
    Set<String> ALERTS = Set.of("alert", "serve");
    Set<String> INVESTIGATE = Set.of("investigate", "serve");
    Set<String> SEARCHERS = Set.of("ask", "search", "eval", "bench", "investigate", "serve");
    Set<String> RUNBOOK_READERS =
            Set.of("ask", "search", "eval", "bench", "investigate", "serve", "run", "diagnostics", "alert");
    Set<String> ALLOWLIST_USERS = Set.of("ask", "run", "diagnostics", "investigate", "serve", "alert");
    Set<String> DIAGNOSTICS_USERS = Set.of("run", "diagnostics", "investigate", "serve");
}
