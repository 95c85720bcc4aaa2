package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.Test;

class DiscordBotTest {
    @Test
    void registersRunbookWithAskRunAndDiagnosticsSubcommands() {
        assertThat(DiscordBot.command().getName()).isEqualTo("runbook");
        assertThat(DiscordBot.command().getSubcommands())
                .extracting(SubcommandData::getName)
                .containsExactly("ask", "run", "diagnostics");
        SubcommandData ask = DiscordBot.command().getSubcommands().get(0);
        assertThat(ask.getOptions())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("question"))
                .satisfies(o -> assertThat(o.isRequired()).isTrue());
    }

    @Test
    void runAsksForARequiredCheckAndOptionalParamsBothSuggestedAsYouType() {
        SubcommandData run = DiscordBot.command().getSubcommands().get(1);
        assertThat(run.getOptions()).extracting(OptionData::getName).containsExactly("check", "params");
        assertThat(run.getOptions()).extracting(OptionData::isRequired).containsExactly(true, false);
        assertThat(run.getOptions())
                .allSatisfy(o -> assertThat(o.isAutoComplete()).isTrue());
    }
}
