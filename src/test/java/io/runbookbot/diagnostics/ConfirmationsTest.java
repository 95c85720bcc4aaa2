package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import io.runbookbot.fakes.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmationsTest {
    private static final Caller ALICE = new Caller("slack", "U111", List.of("sre"), "C1");
    private static final Caller BOB = new Caller("slack", "U222", List.of("sre"), "C1");
    private static final CommandSpec RESTART = spec("restart-app", false, Map.of(), List.of(), Access.NOBODY);
    private static final Map<String, String> PARAMS = Map.of("unit", "acis-api");

    private final MutableClock clock = new MutableClock();
    private final Confirmations confirmations = new Confirmations(clock);

    @Test
    void confirmsTheRunForThePersonWhoAskedWithinFiveMinutes() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);
        clock.advance(Duration.ofMinutes(4));

        ConfirmationResult result = confirmations.confirm(token, ALICE);

        assertThat(result)
                .isEqualTo(ConfirmationResult.confirmed(new PendingRun(
                        token, ALICE, RESTART, "local", PARAMS, MutableClock.START.plus(Duration.ofMinutes(5)))));
        assertThat(result.reason()).isEmpty();
    }

    @Test
    void acceptsAConfirmationAtTheLastInstantOfTheWindow() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);
        clock.advance(Duration.ofMinutes(5));

        assertThat(confirmations.confirm(token, ALICE).confirmed()).isTrue();
    }

    @Test
    void refusesAConfirmationOneMillisecondAfterTheWindow() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);
        clock.advance(Duration.ofMinutes(5).plusMillis(1));

        assertThat(confirmations.confirm(token, ALICE))
                .isEqualTo(ConfirmationResult.refused("This confirmation expired after 5 minutes: ask again."));
    }

    @Test
    void refusesSomeoneElseAndKeepsTheTokenForItsOwner() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);

        assertThat(confirmations.confirm(token, BOB))
                .isEqualTo(ConfirmationResult.refused("Only the person who asked for restart-app can confirm it."));
        assertThat(confirmations.confirm(token, ALICE).confirmed()).isTrue();
    }

    @Test
    void refusesTheSameUserIdFromAnotherPlatform() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);

        assertThat(confirmations
                        .confirm(token, new Caller("discord", "U111", List.of(), "C1"))
                        .confirmed())
                .isFalse();
    }

    @Test
    void acceptsTheSamePersonFromAnotherChannel() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);

        assertThat(confirmations
                        .confirm(token, new Caller("slack", "U111", List.of(), "D42"))
                        .confirmed())
                .isTrue();
    }

    @Test
    void refusesATokenUsedTwice() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);
        confirmations.confirm(token, ALICE);

        assertThat(confirmations.confirm(token, ALICE))
                .isEqualTo(
                        ConfirmationResult.refused("This run was already confirmed: ask again to run it once more."));
    }

    @Test
    void refusesAnUnknownToken() {
        assertThat(confirmations.confirm("0123456789abcdef0123456789abcdef", ALICE))
                .isEqualTo(ConfirmationResult.refused("This confirmation is unknown or has expired: ask again."));
    }

    @Test
    void forgetsExpiredTokensOneWindowAfterTheyExpire() {
        String token = confirmations.request(ALICE, RESTART, "local", PARAMS);
        clock.advance(Duration.ofMinutes(10).plusMillis(1));

        assertThat(confirmations.confirm(token, ALICE))
                .isEqualTo(ConfirmationResult.refused("This confirmation is unknown or has expired: ask again."));
        assertThat(confirmations.pendingCount()).isZero();
    }

    @Test
    void forgetsUsedTokensOneWindowAfterTheyExpire() {
        confirmations.confirm(confirmations.request(ALICE, RESTART, "local", PARAMS), ALICE);
        assertThat(confirmations.usedCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        confirmations.request(BOB, RESTART, "local", PARAMS);

        assertThat(confirmations.usedCount()).isZero();
        assertThat(confirmations.pendingCount()).isEqualTo(1);
    }

    @Test
    void handsOutADifferentUnguessableTokenForEachRequest() {
        String first = confirmations.request(ALICE, RESTART, "local", PARAMS);
        String second = confirmations.request(ALICE, RESTART, "local", PARAMS);

        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
        assertThat(confirmations.pendingCount()).isEqualTo(2);
    }

    @Test
    void onlyEntriesThatAreNotReadOnlyNeedConfirmation() {
        assertThat(Confirmations.needsConfirmation(RESTART)).isTrue();
        assertThat(Confirmations.needsConfirmation(spec("disk-usage", Map.of(), List.of())))
                .isFalse();
    }
}
