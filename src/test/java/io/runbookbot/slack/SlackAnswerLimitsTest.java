package io.runbookbot.slack;

import static io.runbookbot.slack.SlackAnswers.URL;
import static io.runbookbot.slack.SlackAnswers.answer;
import static io.runbookbot.slack.SlackAnswers.blocks;
import static io.runbookbot.slack.SlackAnswers.fences;
import static io.runbookbot.slack.SlackAnswers.find;
import static io.runbookbot.slack.SlackAnswers.longSection;
import static io.runbookbot.slack.SlackAnswers.sectionTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ReadableSection;
import io.runbookbot.core.chat.SectionAnswers;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Slack's limits: 3000 characters a section block, 50 blocks a message, 2000 characters a button
 * value; a long section's first screen, then all of it when asked.
 */
class SlackAnswerLimitsTest {
    @Test
    void aTenThousandCharacterSectionShowsItsFirstScreenAndAShowFullSectionButton() throws Exception {
        BotReply.SectionAnswer a = answer(longSection(10_000), Optional.empty(), List.of());

        JsonNode blocks = blocks(SlackAnswerFormatter.format(a));

        List<String> sections = sectionTexts(blocks);
        assertThat(String.join("\n", sections)).contains("Paragraph 0").doesNotContain("Paragraph 13 ");
        assertThat(sections.get(0).length()).isLessThanOrEqualTo(ReadableSection.MAX_FIRST_SCREEN);
        assertThat(sections).allSatisfy(s -> assertThat(fences(s) % 2).isZero());
        JsonNode whole = StreamSupport.stream(
                        find(blocks, "actions").path("elements").spliterator(), false)
                .filter(b -> b.path("action_id").asText().equals(SlackButtonValue.WHOLE))
                .findFirst()
                .orElseThrow();
        assertThat(whole.path("text").path("text").asText()).isEqualTo("Show full section");
        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.WHOLE, whole.path("value").asText()))
                .isEqualTo(new BotRequest.WholeSection("too many clients", 0));
    }

    @Test
    void theWholeTenThousandCharacterSectionIsSplitIntoBalancedBlocksOfAtMost3000Characters() throws Exception {
        String text = longSection(10_000);
        JsonNode blocks =
                blocks(SlackAnswerFormatter.format(SectionAnswers.whole(answer(text, Optional.empty(), List.of()))));

        List<String> sections = sectionTexts(blocks);
        assertThat(blocks.size()).isLessThanOrEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(sections)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000))
                .allSatisfy(
                        s -> assertThat(fences(s) % 2).as("``` fences in %s", s).isZero());
        assertThat(String.join("\n", sections)).contains("psql -c 'select 0'", "psql -c 'select 13'", "Paragraph 13 ");
        assertThat(find(blocks, "actions").toString()).doesNotContain(SlackButtonValue.WHOLE);
    }

    @Test
    void aHugeWholeSectionIsCutAtFiftyBlocksWithALinkToTheFullRunbook() throws Exception {
        JsonNode blocks = blocks(SlackAnswerFormatter.format(
                SectionAnswers.whole(answer(longSection(300_000), Optional.of(URL), List.of()))));

        List<String> sections = sectionTexts(blocks);
        assertThat(blocks.size()).isEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(sections).allSatisfy(s -> assertThat(fences(s) % 2).isZero());
        assertThat(sections.get(sections.size() - 2)).contains("full runbook").contains("<" + URL + "|db.md:10-900>");
    }

    @Test
    void hugeSectionWithSummaryAndNoticesStillFitsFiftyBlocks() throws Exception {
        BotReply.SectionAnswer a = SectionAnswers.withSummary(
                answer(longSection(300_000), Optional.of(URL), List.of()),
                new Summary("Reload.", "llama3.1", true),
                List.of("Keyword results only."));

        JsonNode blocks = blocks(SlackAnswerFormatter.format(SectionAnswers.whole(a)));

        assertThat(blocks.size()).isEqualTo(SlackAnswerFormatter.MAX_BLOCKS);
        assertThat(find(blocks, "actions").path("block_id").asText()).isEqualTo("runbook_actions");
        assertThat(blocks(SlackAnswerFormatter.format(a)).size()).isLessThan(10);
    }

    @Test
    void buttonValuesStayUnderSlacksLimitForAVeryLongQuestion() throws Exception {
        BotReply.SectionAnswer a = answer("text", Optional.empty(), List.of());
        BotReply.SectionAnswer longQuestion = new BotReply.SectionAnswer(
                "x".repeat(5000), 0, a.shown(), a.others(), List.of(), Optional.empty(), Confidence.MEDIUM);

        JsonNode buttons = find(blocks(SlackAnswerFormatter.format(longQuestion)), "actions")
                .path("elements");

        assertThat(buttons)
                .allSatisfy(b -> assertThat(b.path("value").asText().length()).isLessThanOrEqualTo(2000));
    }
}
