package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.Test;

class DiscordCheckChoicesTest {
    private static final DiagnosticParam PORT =
            new DiagnosticParam("port", DiagnosticParam.Kind.INTEGER, "integer 1-65535", List.of(), 1, 65535);

    @Test
    void offersAtMostTwentyFiveChecksWithNamesCutToDiscordsLimit() {
        List<DiagnosticCommand> many = IntStream.range(0, 40)
                .mapToObj(i -> new DiagnosticCommand("check-" + i, "x".repeat(300), List.of(), true))
                .toList();

        List<Command.Choice> choices = DiscordCheckChoices.checks(many, "");

        assertThat(choices).hasSize(25);
        assertThat(choices).allSatisfy(c -> assertThat(c.getName()).hasSize(100).startsWith("check-"));
    }

    @Test
    void leavesOutACheckWhoseIdCouldNotBeSentBackAsAChoice() {
        DiagnosticCommand longId = new DiagnosticCommand("c".repeat(101), "too long", List.of(), true);
        DiagnosticCommand ok = new DiagnosticCommand("cpu", "load", List.of(), true);

        assertThat(DiscordCheckChoices.checks(List.of(longId, ok), "c"))
                .extracting(Command.Choice::getAsString)
                .containsExactly("cpu");
    }

    @Test
    void suggestsTheTypedNumberWhenItIsInRangeAndTheBoundsOtherwise() {
        DiagnosticCommand check = new DiagnosticCommand("listening-port", "", List.of(PORT), true);

        assertThat(DiscordCheckChoices.params(check, "port=8000"))
                .extracting(Command.Choice::getAsString)
                .containsExactly("port=8000");
        assertThat(DiscordCheckChoices.params(check, "port=99999")).isEmpty();
        assertThat(DiscordCheckChoices.params(check, "port=0"))
                .as("0 is out of range and no bound starts with it")
                .isEmpty();
        assertThat(DiscordCheckChoices.params(check, "port="))
                .extracting(Command.Choice::getAsString)
                .containsExactly("port=1", "port=65535");
    }

    @Test
    void leavesOutAChoiceWithASpaceWhichANameValueWordCannotHold() {
        DiagnosticParam since = new DiagnosticParam(
                "since", DiagnosticParam.Kind.CHOICE, "one of: ...", List.of("10 min ago", "today"), 0, 0);
        DiagnosticCommand check = new DiagnosticCommand("journal-since", "", List.of(since), true);

        assertThat(DiscordCheckChoices.params(check, ""))
                .extracting(Command.Choice::getAsString)
                .containsExactly("since=today");
    }

    @Test
    void suggestsNothingThatWouldMakeTheValueLongerThanDiscordAllows() {
        DiagnosticCommand check = new DiagnosticCommand("listening-port", "", List.of(PORT), true);

        assertThat(DiscordCheckChoices.params(check, "on " + "a".repeat(95) + " p"))
                .isEmpty();
    }

    @Test
    void aFormHoldsAtMostFiveFieldsAndTakesLongEnumerationsAsText() {
        List<DiagnosticParam> six = IntStream.range(0, 6)
                .mapToObj(i -> DiagnosticParam.text("p" + i, "text"))
                .toList();
        List<String> values = IntStream.range(0, 30).mapToObj(i -> "v" + i).toList();
        DiagnosticParam unit = new DiagnosticParam("unit", DiagnosticParam.Kind.CHOICE, "one of: ...", values, 0, 0);

        assertThat(DiscordCheckForm.of(new DiagnosticCommand("six", "", six, true)))
                .isEmpty();
        Modal modal = DiscordCheckForm.of(new DiagnosticCommand("units", "", List.of(unit, PORT), true))
                .orElseThrow();
        assertThat(modal.getId()).isEqualTo("run:units");
        assertThat(modal.getComponents()).hasSize(2);
        assertThat(((Label) modal.getComponents().get(0)).getChild()).isInstanceOf(TextInput.class);
    }
}
