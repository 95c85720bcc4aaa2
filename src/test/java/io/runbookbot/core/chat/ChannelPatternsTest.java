package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPatternsTest {
    private final ChannelPatterns channels =
            ChannelPatterns.of(List.of("C024BE91L", "1150000000000000001", "#inc-*", "war-room"));

    @Test
    void slackAndDiscordIdsAreIdsAndEverythingElseANamePattern() {
        assertThat(channels.listsId("C024BE91L")).isTrue();
        assertThat(channels.listsId("1150000000000000001")).isTrue();
        assertThat(channels.listsId("C999")).isFalse();
        assertThat(channels.hasNames()).isTrue();
        assertThat(ChannelPatterns.of(List.of("C024BE91L")).hasNames()).isFalse();
    }

    @Test
    void namesMatchTheWholeNameIgnoringCaseWithStarForAnyRun() {
        assertThat(channels.matchesName("inc-4711-db")).isTrue();
        assertThat(channels.matchesName("INC-1")).isTrue();
        assertThat(channels.matchesName("War-Room")).isTrue();
        assertThat(channels.matchesName("war-room-2")).isFalse();
        assertThat(channels.matchesName("general")).isFalse();
        assertThat(channels.matchesName("inc-" + "x".repeat(200)))
                .as("longer than any platform allows")
                .isFalse();
    }

    @Test
    void aPatternOfManyStarsStaysCheapOnANameThatAlmostMatches() {
        ChannelPatterns stars = ChannelPatterns.of(List.of("a*a*a*a*a*a*a*a*a*a*a*b"));

        assertThat(stars.matchesName("a".repeat(100))).isFalse();
        assertThat(stars.matchesName("a".repeat(99) + "b")).isTrue();
        assertThat(ChannelPatterns.matches("inc-*-db", "inc-42-db")).isTrue();
        assertThat(ChannelPatterns.matches("*", "")).isTrue();
        assertThat(ChannelPatterns.matches("inc-*", "inc")).isFalse();
    }
}
