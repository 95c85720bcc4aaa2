package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class DiscordAnswerEditsTest {
    @Test
    void runsAreAFieldOfTheAnswerKeepingTheLastFive() {
        MessageEmbed embed =
                new EmbedBuilder().setTitle("Disk full").setDescription("df -h").build();
        for (int i = 1; i <= 7; i++) {
            embed = DiscordAnswerEdits.withRun(embed, "run " + i).orElseThrow();
        }

        assertThat(embed.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo(DiscordAnswerEdits.RUNS);
            assertThat(f.getValue()).isEqualTo("run 3\nrun 4\nrun 5\nrun 6\nrun 7");
        });
        assertThat(embed.getDescription()).isEqualTo("df -h");
    }
}
