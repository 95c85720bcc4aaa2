package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab, published when a user opens it: how to ask, and the diagnostics this bot
 * runs, from the same engine replies as {@code help} and {@code diagnostics} in chat.
 */
final class SlackHome {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
    /** Slack's limit for a Home tab. */
    static final int MAX_BLOCKS = 100;

    private SlackHome() {}

    static View view(ChatEngine engine, Caller caller) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("runbook-bot"))));
        blocks.addAll(blocks(SlackAnswerFormatter.format(
                engine.reply(caller, new BotRequest.Help()).join())));
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Diagnostics"))));
        blocks.addAll(blocks(SlackAnswerFormatter.format(
                engine.reply(caller, new BotRequest.ListDiagnostics()).join())));
        return View.builder()
                .type("home")
                .blocks(blocks.subList(0, Math.min(MAX_BLOCKS, blocks.size())))
                .build();
    }

    /** A message's blocks; a plain-text message as section blocks of its (already escaped) text. */
    private static List<LayoutBlock> blocks(SlackMessage message) {
        if (!message.blocks().isEmpty()) {
            return message.blocks();
        }
        return TextChunks.split(message.text(), SlackAnswerFormatter.MAX_SECTION_CHARS).stream()
                .map(SlackAnswerFormatter::mrkdwn)
                .toList();
    }

    /** {@code views.publish}; a refusal is logged, the user simply sees the previous Home tab. */
    static void publish(ChatEngine engine, Caller caller, MethodsClient client) throws Exception {
        ViewsPublishResponse published =
                client.viewsPublish(r -> r.userId(caller.userId()).view(view(engine, caller)));
        if (!published.isOk()) {
            LOG.warn(
                    "Slack refused the Home tab for {} (views.publish: {})",
                    caller.qualifiedUserId(),
                    published.getError());
        }
    }
}
