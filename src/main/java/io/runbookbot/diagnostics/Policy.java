package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may run which allowlisted command: deny by default.
 *
 * <p>A chat caller is allowed when its user id, one of its roles, or the channel it asks from is
 * listed in the allowlist's global {@code access} or in the entry's own {@code access}. A listed
 * id matches either as written ({@code U024BE7LH}) or qualified by the platform
 * ({@code slack:U024BE7LH}), so one allowlist can serve Slack and Discord without their ids
 * colliding. The entry's access is read from the allowlist itself, looked up by id: a spec that
 * is not in the allowlist is refused, whatever access it carries.
 *
 * <p>{@value #INCIDENT_CHANNELS} in {@code channels} grants read-only checks to anyone asking from
 * a channel the bot serves as an incident channel ({@link Caller#incidentChannel()}).
 *
 * <p>The {@link Caller#isLocalOperator() local operator} (platform {@value Caller#LOCAL_PLATFORM},
 * the terminal) is always allowed: it is the host's own shell user, who could run the read-only
 * command directly. Confirmation of commands that change something and rate limits are separate
 * steps ({@link Confirmations}, {@link RateLimiter}).
 */
public final class Policy {

    /**
     * In {@code channels}: every channel the bot serves as an incident channel, for read-only
     * checks only (a check that changes something needs a user, role or channel id listed).
     */
    public static final String INCIDENT_CHANNELS = "incident";

    private Policy() {}

    public static PolicyDecision decide(Caller caller, CommandSpec spec, Allowlist allowlist) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(allowlist, "allowlist");
        Optional<CommandSpec> listed = allowlist.find(spec.id());
        if (listed.isEmpty()) {
            return PolicyDecision.deny("There is no diagnostic named " + spec.id() + " in the allowlist.");
        }
        if (caller.isLocalOperator()) {
            return PolicyDecision.allow("local operator (terminal)");
        }
        boolean readOnly = listed.get().readOnly();
        return grant(caller, allowlist.access(), readOnly, "allowlist access")
                .or(() -> grant(caller, listed.get().access(), readOnly, spec.id() + " access"))
                .map(PolicyDecision::allow)
                .orElseGet(() -> PolicyDecision.deny(refusal(caller, spec.id())));
    }

    /**
     * The refusal, naming exactly what an admin would add: "You are not allowed to run disk-usage
     * here. To allow it, add `slack:U1` (you) to users, `slack:C9` (this channel) to channels or one
     * of your roles (`dev`) to roles, in the allowlist's access (global, or disk-usage's own)."
     */
    static String refusal(Caller caller, String id) {
        List<String> ways = new java.util.ArrayList<>();
        ways.add("`" + caller.platform() + ":" + caller.userId() + "` (you) to users");
        if (!caller.channelId().isEmpty()) {
            ways.add("`" + caller.platform() + ":" + caller.channelId() + "` (this channel) to channels");
        }
        if (!caller.roles().isEmpty()) {
            ways.add("one of your roles ("
                    + String.join(
                            ", ",
                            caller.roles().stream()
                                    .limit(5)
                                    .map(r -> "`" + r + "`")
                                    .toList()) + ") to roles");
        }
        String last = ways.remove(ways.size() - 1);
        String listed = ways.isEmpty() ? last : String.join(", ", ways) + " or " + last;
        return "You are not allowed to run " + id + " here. To allow it, add " + listed
                + ", in the allowlist's access (global, or " + id + "'s own).";
    }

    /** What in {@code access} grants the caller, if anything: "user U1 (allowlist access)". */
    private static Optional<String> grant(Caller caller, Access access, boolean readOnly, String where) {
        if (listed(access.users(), caller, caller.userId())) {
            return Optional.of("user " + caller.userId() + " (" + where + ")");
        }
        for (String role : caller.roles()) {
            if (listed(access.roles(), caller, role)) {
                return Optional.of("role " + role + " (" + where + ")");
            }
        }
        if (!caller.channelId().isEmpty() && listed(access.channels(), caller, caller.channelId())) {
            return Optional.of("channel " + caller.channelId() + " (" + where + ")");
        }
        if (readOnly && caller.incidentChannel() && access.channels().contains(INCIDENT_CHANNELS)) {
            return Optional.of("incident channel " + caller.channelId() + " (" + where + ")");
        }
        return Optional.empty();
    }

    private static boolean listed(List<String> ids, Caller caller, String id) {
        return ids.contains(id) || ids.contains(caller.platform() + ":" + id);
    }
}
