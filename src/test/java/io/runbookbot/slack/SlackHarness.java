package io.runbookbot.slack;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackLimits;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import io.runbookbot.fakes.SlackSigner;
import io.runbookbot.search.IndexedRunbooks;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fake Slack, the real engine over the fixture runbooks ({@link TestRunbooks}) and the Slack front end under test. The
 * search can be held at a gate to prove that acks do not wait for answers.
 */
final class SlackHarness implements AutoCloseable {
    static final String SECRET = "test-signing-secret";
    static final String BOT_TOKEN = "xoxb-test";
    private static IndexedRunbooks runbooks;

    final FakeSlack slack = FakeSlack.start();
    /** One builder, so that event ids and response URLs are unique within a test. */
    final SlackPayloads payloads = slack.payloads();

    final List<BotRequest.Feedback> votes = new CopyOnWriteArrayList<>();
    final List<Caller> voters = new CopyOnWriteArrayList<>();
    final SlackFrontEnd frontEnd;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private SlackHarness(Optional<Diagnostics> diagnostics, Optional<String> appToken, List<String> incidentChannels) {
        BotEngine engine = BotEngine.builder(this::search)
                .diagnostics(diagnostics)
                .feedback((caller, vote) -> {
                    voters.add(caller);
                    votes.add(vote);
                })
                .build();
        frontEnd = SlackFrontEnd.start(
                new SlackSettings(
                        BOT_TOKEN,
                        appToken.<SlackSettings.Mode>map(SlackSettings.SocketMode::new)
                                .orElseGet(
                                        () -> new SlackSettings.HttpMode(SECRET, 0, InetAddress.getLoopbackAddress())),
                        incidentChannels,
                        slack.apiUrlPrefix()),
                engine);
    }

    static SlackHarness http(List<String> incidentChannels) {
        return new SlackHarness(Optional.empty(), Optional.empty(), incidentChannels);
    }

    static SlackHarness http(Diagnostics diagnostics) {
        return new SlackHarness(Optional.of(diagnostics), Optional.empty(), List.of());
    }

    static SlackHarness socketMode() {
        return new SlackHarness(Optional.empty(), Optional.of("xapp-test"), List.of());
    }

    private static synchronized IndexedRunbooks runbooks() {
        if (runbooks == null) {
            runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        }
        return runbooks;
    }

    private IndexedRunbooks search() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runbooks();
    }

    /** Searches wait until {@link #openGate()}. */
    void closeGate() {
        gate = new CountDownLatch(1);
    }

    void openGate() {
        gate.countDown();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + frontEnd.httpPort().orElseThrow() + "/slack/events");
    }

    HttpResponse<String> post(SlackPayload payload) throws Exception {
        return new SlackSigner(SECRET).sign(payload).post(endpoint());
    }

    /**
     * Instead of a fixed quiet period after messages that must get no answer: mentions the bot after
     * them and waits for the answer to that mention. Their handling was queued first, so an answer
     * to any of them is in {@link #posts()} by then.
     */
    void awaitAnswerToALaterMention() throws Exception {
        SlackPayload later = payloads.appMention("<@U0BOT> disk full: no space left on device");
        post(later);
        slack.awaitCall(
                "chat.postMessage",
                r -> r.param("thread_ts").equals(Optional.of(later.eventField("ts"))),
                Duration.ofSeconds(10));
    }

    /** Posts to chat.postMessage so far. */
    List<RecordedRequest> posts() {
        return slack.callsTo("chat.postMessage");
    }

    @Override
    public void close() {
        openGate();
        frontEnd.close();
        slack.close();
        SlackLimits.assertWithinLimits(slack);
    }
}
