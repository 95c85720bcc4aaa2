package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackEventIdsTest {
    private final FakeTicker ticker = new FakeTicker();
    private final SlackEventIds ids = new SlackEventIds(3, SlackEventIds.REMEMBERED_FOR, ticker);

    @Test
    void aRetriedEventIsNotANewDeliveryWhileAnEventWithoutIdAlwaysIs() {
        assertThat(ids.firstDelivery("Ev1")).isTrue();
        assertThat(ids.firstDelivery("Ev1")).isFalse();
        assertThat(ids.firstDelivery("")).isTrue();
        assertThat(ids.firstDelivery(null)).isTrue();
    }

    @Test
    void anIdIsForgottenAnHourAfterItWasSeen() {
        ids.firstDelivery("Ev1");
        ticker.advance(Duration.ofMinutes(59));
        assertThat(ids.firstDelivery("Ev1")).isFalse();

        ticker.advance(Duration.ofMinutes(2));
        assertThat(ids.remembered()).isZero();
        assertThat(ids.firstDelivery("Ev1")).isTrue();
    }

    @Test
    void remembersAtMostItsCapacityOfIds() {
        for (int i = 0; i < 1000; i++) {
            ids.firstDelivery("Ev" + i);
        }
        assertThat(ids.remembered()).isEqualTo(3);
    }
}
