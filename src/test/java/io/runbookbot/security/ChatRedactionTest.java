package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.slack.SlackAnswerFormatter;
import io.runbookbot.slack.SlackMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 8: a heading {@code ## Check with PASSWORD=x} leaked in Slack's header block and
 * fallback text. The real engine answers from a real index of a runbook with secrets in its title,
 * headings and body; the Slack message, serialised as it is sent, holds none of them.
 */
class ChatRedactionTest {
    @TempDir
    Path dir;

    @Test
    void slackHeaderBlockAndFallbackTextShowTheHeadingWithItsSecretMasked() throws Exception {
        try (IndexedRunbooks runbooks = SecretRunbook.indexed(dir)) {
            BotReply reply = SecretRunbook.reply(runbooks, "orders database connection refused check");

            SlackMessage message = SlackAnswerFormatter.format(reply);
            String blocks = new ObjectMapper().writeValueAsString(message.blocks());

            assertThat(reply).isInstanceOf(BotReply.SectionAnswer.class);
            assertThat(message.text()).startsWith("Orders database › Check with PASSWORD=****");
            assertThat(blocks).contains("\"text\":\"Orders database › Check with PASSWORD=****\"");
            assertNoSecret(message.text() + blocks);
        }
    }

    @Test
    void slackShowsTheRunbookTitleAndOtherCandidatesWithTheirSecretsMasked() throws Exception {
        try (IndexedRunbooks runbooks = SecretRunbook.indexed(dir)) {
            BotReply reply = SecretRunbook.reply(runbooks, "owners paging policy orders on-call platform team");

            SlackMessage message = SlackAnswerFormatter.format(reply);
            String blocks = new ObjectMapper().writeValueAsString(message.blocks());

            assertThat(message.text()).startsWith("Orders DB (postgresql://orders:****@db:5432/orders)");
            assertNoSecret(message.text() + blocks);
        }
    }

    @Test
    void slackNoMatchEchoesTheQuestionWithItsSecretMasked() throws Exception {
        try (IndexedRunbooks runbooks = SecretRunbook.indexed(dir)) {
            BotReply reply = SecretRunbook.reply(runbooks, "clickhouse wireguard apns PGPASSWORD=QuestionS3cret");

            SlackMessage message = SlackAnswerFormatter.format(reply);

            assertThat(reply).isInstanceOf(BotReply.NoMatch.class);
            assertThat(message.text()).contains("PGPASSWORD=****").doesNotContain("QuestionS3cret");
        }
    }

    static void assertNoSecret(String shown) {
        for (String secret : SecretRunbook.SECRETS) {
            assertThat(shown).doesNotContain(secret);
        }
    }
}
