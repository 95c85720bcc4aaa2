package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentTriageTest {
    private final FakeTicker ticker = new FakeTicker();
    private final RecentTriage recent = new RecentTriage(ticker);

    @Test
    void aSectionPostedInAChannelRepeatsThereUntilTheWindowHasPassed() {
        assertThat(recent.repeats("C1", "db.md:12")).isFalse();
        assertThat(recent.repeats("C1", "db.md:12")).isTrue();

        ticker.advance(RecentTriage.WINDOW.minusSeconds(1));
        assertThat(recent.repeats("C1", "db.md:12")).isTrue();

        ticker.advance(Duration.ofSeconds(2));
        assertThat(recent.repeats("C1", "db.md:12")).isFalse();
    }

    @Test
    void anotherChannelOrAnotherSectionIsNotARepeat() {
        recent.repeats("C1", "db.md:12");

        assertThat(recent.repeats("C2", "db.md:12")).isFalse();
        assertThat(recent.repeats("C1", "db.md:40")).isFalse();
    }

    @Test
    void memoryStaysBoundedWhateverTheTraffic() {
        for (int i = 0; i < RecentTriage.REMEMBERED * 3; i++) {
            recent.repeats("C" + i, "db.md:12");
        }

        assertThat(recent.size()).isLessThanOrEqualTo(RecentTriage.REMEMBERED);
    }
}
