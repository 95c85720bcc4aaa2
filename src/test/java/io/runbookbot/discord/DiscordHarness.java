package io.runbookbot.discord;

import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Discord front end end to end: real JDA logged in to a {@link FakeDiscord} whose guild has the
 * role {@link #ONCALL}, the real engine over the fixture runbooks ({@link TestRunbooks}), diagnostics
 * if the test class brings them. The login is the slow part, so a test class starts one in
 * {@code @BeforeAll}.
 */
final class DiscordHarness implements AutoCloseable {
    static final String ONCALL = "2100000000000000001";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String TOO_MANY = "FATAL: sorry, too many clients already";
    static final String PORT_IN_USE = "uvicorn won't start: [Errno 98] Address already in use";

    final List<BotRequest.Feedback> votes = new CopyOnWriteArrayList<>();
    final IndexedRunbooks runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
    final FakeDiscord discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
    private final DiscordFrontEnd frontEnd;

    private DiscordHarness(Optional<Diagnostics> diagnostics) {
        BotEngine engine = BotEngine.builder(() -> runbooks)
                .diagnostics(diagnostics)
                .feedback((caller, vote) -> votes.add(vote))
                .build();
        frontEnd = DiscordFrontEnd.start(
                new DiscordSettings(
                        DiscordSettingsTest.TOKEN,
                        Optional.of(discord.restBaseUrl()),
                        Optional.of(discord.gatewayUrl().toString())),
                engine);
    }

    static DiscordHarness start() {
        return new DiscordHarness(Optional.empty());
    }

    static DiscordHarness start(Diagnostics diagnostics) {
        return new DiscordHarness(Optional.of(diagnostics));
    }

    RecordedRequest replyTo(GatewayEvent mention) {
        return discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.json()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(mention.id()),
                WAIT);
    }

    static String buttonId(RecordedRequest message, String label) {
        List<String> seen = new ArrayList<>();
        for (JsonNode row : message.json().path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
                seen.add(button.path("label").asText());
            }
        }
        throw new AssertionError("no button \"" + label + "\"; buttons: " + seen);
    }

    @Override
    public void close() {
        frontEnd.close();
        discord.close();
        runbooks.close();
    }
}
