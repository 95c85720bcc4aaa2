package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.allowlist;
import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static final String DENIED = "You are not allowed to run disk-usage here. To allow it, add"
            + " `slack:U111` (you) to users, `slack:C999` (this channel) to channels or one of your roles (`dev`)"
            + " to roles, in the allowlist's access (global, or disk-usage's own).";
    private static final Caller ALICE = new Caller("slack", "U111", List.of("dev"), "C999");

    private static final CommandSpec DISK = spec("disk-usage", Map.of(), List.of("df -h"));
    private static final CommandSpec LOGS =
            spec("log-tail", true, Map.of(), List.of(), new Access(List.of(), List.of("dev"), List.of()));

    private static Access users(String... ids) {
        return new Access(List.of(ids), List.of(), List.of());
    }

    private static Access roles(String... ids) {
        return new Access(List.of(), List.of(ids), List.of());
    }

    private static Access channels(String... ids) {
        return new Access(List.of(), List.of(), List.of(ids));
    }

    @Test
    void deniesAChatUserByDefault() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(Access.NOBODY, DISK, LOGS));

        assertThat(d).isEqualTo(new PolicyDecision(false, DENIED));
    }

    @Test
    void aRefusalWithoutRolesOrChannelNamesOnlyTheUserToAdd() {
        Caller bob = new Caller("discord", "4242", List.of(), "");

        assertThat(Policy.decide(bob, DISK, allowlist(Access.NOBODY, DISK)).reason())
                .isEqualTo("You are not allowed to run disk-usage here. To allow it, add `discord:4242` (you) to users,"
                        + " in the allowlist's access (global, or disk-usage's own).");
    }

    @Test
    void incidentInChannelsGrantsReadOnlyChecksToAnyoneInAnIncidentChannel() {
        Caller inIncident = new Caller("slack", "U222", List.of(), "C777", true);
        Caller elsewhere = new Caller("slack", "U222", List.of(), "C778", false);
        CommandSpec restart = spec("restart-api", false, Map.of(), List.of(), Access.NOBODY);
        Allowlist incident = allowlist(channels(Policy.INCIDENT_CHANNELS), DISK, restart);

        assertThat(Policy.decide(inIncident, DISK, incident))
                .isEqualTo(new PolicyDecision(true, "incident channel C777 (allowlist access)"));
        assertThat(Policy.decide(elsewhere, DISK, incident).allowed()).isFalse();
        assertThat(Policy.decide(inIncident, restart, incident).allowed()).isFalse();
    }

    @Test
    void allowsAUserListedInTheGlobalAccess() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(users("U111"), DISK));

        assertThat(d).isEqualTo(new PolicyDecision(true, "user U111 (allowlist access)"));
    }

    @Test
    void allowsARoleListedInTheGlobalAccess() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(roles("oncall", "dev"), DISK));

        assertThat(d).isEqualTo(new PolicyDecision(true, "role dev (allowlist access)"));
    }

    @Test
    void allowsAChannelListedInTheGlobalAccess() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(channels("C999"), DISK));

        assertThat(d).isEqualTo(new PolicyDecision(true, "channel C999 (allowlist access)"));
    }

    @Test
    void allowsARoleListedInTheEntrysOwnAccess() {
        PolicyDecision d = Policy.decide(ALICE, LOGS, allowlist(Access.NOBODY, DISK, LOGS));

        assertThat(d).isEqualTo(new PolicyDecision(true, "role dev (log-tail access)"));
    }

    @Test
    void anotherEntrysAccessGrantsNothing() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(Access.NOBODY, DISK, LOGS));

        assertThat(d.allowed()).isFalse();
    }

    @Test
    void matchesAnIdQualifiedByThePlatformOnlyOnThatPlatform() {
        Allowlist slackOnly = allowlist(users("slack:U111"), DISK);
        Caller sameIdOnDiscord = new Caller("discord", "U111", List.of(), "C999");

        assertThat(Policy.decide(ALICE, DISK, slackOnly))
                .isEqualTo(new PolicyDecision(true, "user U111 (allowlist access)"));
        assertThat(Policy.decide(sameIdOnDiscord, DISK, slackOnly).allowed()).isFalse();
    }

    @Test
    void aDisplayNameIsNotAnId() {
        PolicyDecision d = Policy.decide(ALICE, DISK, allowlist(users("alice"), DISK));

        assertThat(d.allowed()).isFalse();
    }

    @Test
    void alwaysAllowsTheLocalOperator() {
        PolicyDecision d = Policy.decide(Caller.LOCAL_OPERATOR, DISK, allowlist(Access.NOBODY, DISK));

        assertThat(d).isEqualTo(new PolicyDecision(true, "local operator (terminal)"));
    }

    @Test
    void deniesACommandThatIsNotInTheAllowlistEvenToTheLocalOperator() {
        PolicyDecision d = Policy.decide(Caller.LOCAL_OPERATOR, DISK, allowlist(Access.NOBODY, LOGS));

        assertThat(d).isEqualTo(new PolicyDecision(false, "There is no diagnostic named disk-usage in the allowlist."));
    }

    @Test
    void readsTheEntrysAccessFromTheAllowlistNotFromTheSpecPassedIn() {
        CommandSpec forged = spec("disk-usage", true, Map.of(), List.of(), users("U111"));

        PolicyDecision d = Policy.decide(ALICE, forged, allowlist(Access.NOBODY, DISK));

        assertThat(d).isEqualTo(new PolicyDecision(false, DENIED));
    }
}
