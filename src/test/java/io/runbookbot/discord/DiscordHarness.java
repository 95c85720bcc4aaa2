package io.runbookbot.discord;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.fakes.DiscordLimits;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.time.Duration;
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
        frontEnd = startFrontEnd(discord, engine);
    }

    /** The Discord front end logged in to {@code discord} and answering through {@code engine}. */
    static DiscordFrontEnd startFrontEnd(FakeDiscord discord, ChatEngine engine) {
        return startFrontEnd(discord, engine, List.of());
    }

    /** The same, answering unasked in these incident channels (ids or name patterns). */
    static DiscordFrontEnd startFrontEnd(FakeDiscord discord, ChatEngine engine, List<String> incidentChannels) {
        return DiscordFrontEnd.start(
                new DiscordSettings(
                        DiscordSettingsTest.TOKEN,
                        Optional.of(discord.restBaseUrl()),
                        Optional.of(discord.gatewayUrl().toString()),
                        incidentChannels),
                engine);
    }

    static DiscordHarness start() {
        return new DiscordHarness(Optional.empty());
    }

    static DiscordHarness start(Diagnostics diagnostics) {
        return new DiscordHarness(Optional.of(diagnostics));
    }

    /** The bot's reply to a pushed message. */
    RecordedRequest replyTo(GatewayEvent message) {
        return discord.awaitReplyTo(message, WAIT);
    }

    @Override
    public void close() {
        frontEnd.close();
        discord.close();
        runbooks.close();
        DiscordLimits.assertWithinLimits(discord);
    }
}
