package io.runbookbot.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void parsesHostAndPort() {
        assertThat(ListenAddress.parse("127.0.0.1:7070").getPort()).isEqualTo(7070);
        assertThat(ListenAddress.parse("[::1]:0").getAddress().isLoopbackAddress())
                .isTrue();
        assertThat(ListenAddress.parse(":7070").getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesMalformedValues() {
        assertThatThrownBy(() -> ListenAddress.parse("7070")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:http")).hasMessage("the port is not a number");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000")).hasMessage("the port must be from 0 to 65535");
    }
}
