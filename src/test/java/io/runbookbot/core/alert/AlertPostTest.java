package io.runbookbot.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPostTest {
    @Test
    void headlineSaysHowManyFireAndTurnsResolvedWhenNoneDoes() {
        AlertPost firing = AlertPosts.firing(3, Map.of());

        assertThat(firing.headline()).isEqualTo("FIRING 3 · KubePodCrashLooping");
        assertThat(AlertPosts.resolved(firing).headline()).isEqualTo("RESOLVED · KubePodCrashLooping");
        assertThat(AlertPosts.resolved(firing).allResolved()).isTrue();
    }

    @Test
    void labelsReadInNameOrder() {
        assertThat(AlertPost.labelLine(Map.of("service", "api", "namespace", "payments")))
                .isEqualTo("namespace=payments service=api");
    }
}
