package io.runbookbot.agent.allowlist;

import java.util.List;

/**
 * Who may run a command from chat: any listed user id, role or channel id grants it.
 * Empty lists grant nothing (deny by default).
 */
public record Access(List<String> users, List<String> roles, List<String> channels) {
    public static final Access NOBODY = new Access(List.of(), List.of(), List.of());

    public Access {
        users = List.copyOf(users);
        roles = List.copyOf(roles);
        channels = List.copyOf(channels);
    }
}
