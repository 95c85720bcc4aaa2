package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The two ways Alertmanager's http_config authenticates, and everything else refused. */
class AlertAuthTest {
    private final AlertAuth auth = AlertAuth.token("s3cret-token");

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerTokenAndBasicAuthPasswordAreAccepted() {
        assertThat(auth.allows("Bearer s3cret-token")).isTrue();
        assertThat(auth.allows("bearer   s3cret-token ")).isTrue();
        assertThat(auth.allows(basic("alertmanager:s3cret-token"))).isTrue();
    }

    @Test
    void wrongMissingOrMalformedCredentialsAreRefused() {
        assertThat(auth.allows(null)).isFalse();
        assertThat(auth.allows("")).isFalse();
        assertThat(auth.allows("Bearer s3cret-tokem")).isFalse();
        assertThat(auth.allows("Bearer s3cret-token-and-more")).isFalse();
        assertThat(auth.allows("s3cret-token")).isFalse();
        assertThat(auth.allows("Token s3cret-token")).isFalse();
        assertThat(auth.allows(basic("s3cret-token"))).isFalse();
        assertThat(auth.allows(basic("alertmanager:wrong"))).isFalse();
        assertThat(auth.allows("Basic %%%not-base64")).isFalse();
        assertThat(auth.allows("Bearer " + "x".repeat(AlertAuth.MAX_HEADER))).isFalse();
    }

    @Test
    void noneLetsEverythingInAndABlankTokenIsRefusedAtStart() {
        assertThat(AlertAuth.none().allows(null)).isTrue();
        assertThat(AlertAuth.none().required()).isFalse();
        assertThatThrownBy(() -> AlertAuth.token(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(auth.toString()).doesNotContain("s3cret");
    }
}
