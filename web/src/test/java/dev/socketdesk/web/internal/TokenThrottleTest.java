package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TokenThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final TokenThrottle throttle = new TokenThrottle(now::get);

  @Test
  @Timeout(10)
  void tenFailuresWithinASecondBlockUntilTheSecondEnds() {
    for (int i = 0; i < TokenThrottle.MAX_FAILURES - 1; i++) {
      throttle.recordFailure("10.0.0.1");
    }
    assertThat(throttle.blockedForNanos("10.0.0.1")).isZero();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
    throttle.recordFailure("10.0.0.1");
    assertThat(throttle.blockedForNanos("10.0.0.1")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
    assertThat(throttle.blockedForNanos("10.0.0.2")).isZero();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(399));
    assertThat(throttle.blockedForNanos("10.0.0.1")).isPositive();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(throttle.blockedForNanos("10.0.0.1")).isZero();
    throttle.recordFailure("10.0.0.1");
    assertThat(throttle.blockedForNanos("10.0.0.1")).isZero();
  }

  @Test
  @Timeout(10)
  void nineFailuresASecondNeverBlock() {
    for (int i = 0; i < 100; i++) {
      throttle.recordFailure("10.0.0.1");
      assertThat(throttle.blockedForNanos("10.0.0.1")).as("failure %d", i).isZero();
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(112));
    }
  }

  @Test
  @Timeout(10)
  void theTableIsBoundedWhateverTheNumberOfAddresses() {
    for (int i = 0; i < 5 * TokenThrottle.MAX_CLIENTS; i++) {
      throttle.recordFailure(TokenThrottle.clientKey("10.0." + (i >> 8) + "." + (i & 0xff)));
    }
    assertThat(throttle.size()).isEqualTo(TokenThrottle.MAX_CLIENTS);
  }

  @Test
  @Timeout(10)
  void everyLoopbackAddressIsOneClient() {
    for (int i = 0; i < TokenThrottle.MAX_FAILURES; i++) {
      throttle.recordFailure(TokenThrottle.clientKey("127.0." + i + "." + (i + 1)));
    }
    assertThat(throttle.blockedForNanos(TokenThrottle.clientKey("127.0.0.1"))).isPositive();
    assertThat(throttle.blockedForNanos(TokenThrottle.clientKey("0:0:0:0:0:0:0:1"))).isPositive();
    assertThat(throttle.size()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void clientKeysNeverResolveNames() {
    assertThat(TokenThrottle.clientKey("127.255.1.2")).isEqualTo(TokenThrottle.LOOPBACK);
    assertThat(TokenThrottle.clientKey("::1")).isEqualTo(TokenThrottle.LOOPBACK);
    assertThat(TokenThrottle.clientKey("::ffff:127.0.0.9")).isEqualTo(TokenThrottle.LOOPBACK);
    assertThat(TokenThrottle.clientKey("192.168.1.20")).isEqualTo("192.168.1.20");
    assertThat(TokenThrottle.clientKey("2001:db8:1:2:3:4:5:6"))
        .isEqualTo(TokenThrottle.clientKey("2001:db8:1:2:ffff:4:5:7"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(TokenThrottle.clientKey("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    assertThat(TokenThrottle.clientKey("999.1.1.1")).isEqualTo("999.1.1.1");
    assertThat(TokenThrottle.clientKey("abc.def")).isEqualTo("abc.def");
  }
}
