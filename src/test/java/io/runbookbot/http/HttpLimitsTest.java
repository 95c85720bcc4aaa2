package io.runbookbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The deadlines every listener starts with; tests that start the bot shorten them only in their own JVM. */
class HttpLimitsTest {
    @Test
    void everyListenerGivesAHeadAndABodyTenSecondsAndAnIdleConnectionSeventyFive() {
        HttpLimits limits = HttpLimits.defaults();

        assertThat(limits.headTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.bodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(75));
    }
}
