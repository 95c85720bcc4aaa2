package io.runbookbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {

    @Test
    void countsIpv4ClientsByAddressAndIpv6ClientsByTheirSlash64() {
        assertThat(ConnectionGuard.client(new InetSocketAddress("10.1.2.3", 5))).isEqualTo("10.1.2.3");
        assertThat(ConnectionGuard.client(new InetSocketAddress("2001:db8:1:2:aaaa::1", 5)))
                .isEqualTo(ConnectionGuard.client(new InetSocketAddress("2001:db8:1:2:bbbb::9", 6)))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ConnectionGuard.client(new InetSocketAddress("2001:db8:1:3::1", 5)))
                .isNotEqualTo(ConnectionGuard.client(new InetSocketAddress("2001:db8:1:2::1", 5)));
        assertThat(ConnectionGuard.client(new InetSocketAddress("::1", 5))).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void limitsRefuseAPerClientCapAboveTheTotalAndNonPositiveTimeouts() {
        HttpLimits limits = HttpLimits.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> limits.withConnections(10, 11));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> limits.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThat(limits.withConnections(10, 10).maxConnectionsPerClient()).isEqualTo(10);
    }
}
