package io.runbookbot.http;

import io.runbookbot.app.Main;
import java.time.Duration;

/**
 * {@code runbook-bot} with every listener's head and body deadlines shortened to the seconds given
 * by the first argument (e.g. {@code 2 serve}), for the security ITs that start the bot or the agent
 * as a real process and wait until it closes stalled connections itself: a 2 s deadline instead of
 * 10 s proves the same thing in a fifth of the time. The production deadlines stay 10 s
 * ({@code HttpLimitsTest}); nothing outside tests can change them.
 */
public final class ShortDeadlinesMain {
    private ShortDeadlinesMain() {}

    public static void main(String[] args) {
        Duration deadline = Duration.ofSeconds(Long.parseLong(args[0]));
        HttpLimits.shortenDeadlinesForTests(deadline, deadline);
        Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}
