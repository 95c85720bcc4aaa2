package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class DiscordVotesTest {
    private static final MessageEmbed ANSWER = new EmbedBuilder()
            .setTitle("DB › Too Many Connections")
            .setDescription("Raise max_connections.")
            .addField("Other candidates", "• DB › Pooling", false)
            .build();

    @Test
    void votesAreAFieldOfTheAnswerOnePerPersonAndAChangedVoteMoves() {
        MessageEmbed once = DiscordVotes.withVote(ANSWER, "111", true).orElseThrow();
        MessageEmbed twice = DiscordVotes.withVote(once, "222", true).orElseThrow();
        MessageEmbed moved = DiscordVotes.withVote(twice, "111", false).orElseThrow();

        assertThat(moved.getFields())
                .extracting(MessageEmbed.Field::getName)
                .containsExactly("Other candidates", "Votes");
        assertThat(moved.getFields().get(1).getValue()).isEqualTo("Helpful (1): <@222>\nNot helpful (1): <@111>");
        assertThat(moved.getTitle()).isEqualTo(ANSWER.getTitle());
        assertThat(moved.getDescription()).isEqualTo(ANSWER.getDescription());
    }

    @Test
    void votesThatWouldNotFitAFieldLeaveTheAnswerAsItIs() {
        MessageEmbed embed = ANSWER;
        for (int i = 0; i < 45; i++) {
            embed = DiscordVotes.withVote(embed, Long.toString(100000000000000000L + i), true)
                    .orElse(embed);
        }

        assertThat(embed.getFields().get(1).getValue().length()).isLessThanOrEqualTo(MessageEmbed.VALUE_MAX_LENGTH);
        assertThat(DiscordVotes.withVote(embed, "999999999999999999", true)).isEmpty();
    }
}
