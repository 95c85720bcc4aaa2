package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SlackIncidentChannelsTest {
    private final FakeTicker ticker = new FakeTicker();
    private final SlackIncidentChannels channels = new SlackIncidentChannels(List.of("C0INCIDENT", "#inc-*"), ticker);
    private final List<String> lookups = new ArrayList<>();

    private Function<String, Optional<String>> names(Map<String, String> byId) {
        return id -> {
            lookups.add(id);
            return Optional.ofNullable(byId.get(id));
        };
    }

    @Test
    void matchesIdsAndNamePatternsLookingANameUpOncePerChannel() {
        Function<String, Optional<String>> names = names(Map.of("C1", "inc-db-down", "C2", "random"));

        assertThat(channels.contains("C0INCIDENT", names)).isTrue();
        assertThat(channels.contains("C1", names)).isTrue();
        assertThat(channels.contains("C1", names)).isTrue();
        assertThat(channels.contains("C2", names)).isFalse();
        assertThat(channels.contains("C3", names)).as("failed lookup").isFalse();
        assertThat(channels.contains("C3", names)).isFalse();
        assertThat(lookups).containsExactly("C1", "C2", "C3", "C3");
    }

    @Test
    void aChannelNameIsLookedUpAgainAfterAnHourSoARenameIsNoticed() {
        assertThat(channels.contains("C2", names(Map.of("C2", "random")))).isFalse();
        ticker.advance(SlackIncidentChannels.REMEMBERED_FOR.minusMinutes(1));
        assertThat(channels.contains("C2", names(Map.of("C2", "inc-renamed")))).isFalse();

        ticker.advance(Duration.ofMinutes(2));
        assertThat(channels.remembered()).isZero();
        assertThat(channels.contains("C2", names(Map.of("C2", "inc-renamed")))).isTrue();
    }

    @Test
    void remembersAtMostABoundedNumberOfChannels() {
        Function<String, Optional<String>> names = id -> Optional.of("chan-" + id);
        for (int i = 0; i < SlackIncidentChannels.REMEMBERED + 500; i++) {
            channels.contains("C" + i, names);
        }
        assertThat(channels.remembered()).isEqualTo(SlackIncidentChannels.REMEMBERED);
    }
}
