package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FailIfTest {

  @Test
  void timesTakeAUnitAndBecomeMicroseconds() {
    assertThat(FailIf.parse("p99>50ms")).isEqualTo(new FailIf("p99>50ms", "p99", ">", 50_000));
    assertThat(FailIf.parse(" p50 >= 250us ").threshold()).isEqualTo(250);
    assertThat(FailIf.parse("max<1.5s").threshold()).isEqualTo(1_500_000);
    assertThat(FailIf.parse("connect-p99>2ms").metric()).isEqualTo("connect-p99");
  }

  @Test
  void countsTakeAPlainNumber() {
    assertThat(FailIf.parse("failed>0")).isEqualTo(new FailIf("failed>0", "failed", ">", 0));
    assertThat(FailIf.parse("connected<18000").op()).isEqualTo("<");
    assertThat(FailIf.parse("mismatched!=0").op()).isEqualTo("!=");
  }

  @Test
  void aBadConditionIsNamedWithTheFix() {
    assertThatThrownBy(() -> FailIf.parse("p99>50"))
        .hasMessage(
            "--fail-if 'p99>50' is not a condition; p99 is a time; give a unit: us, ms or"
                + " s, e.g. 50ms");
    assertThatThrownBy(() -> FailIf.parse("failed>2ms"))
        .hasMessageContaining("failed is a count; give a plain number, e.g. failed>0");
    assertThatThrownBy(() -> FailIf.parse("latency>5ms"))
        .hasMessageContaining("unknown metric 'latency'; use p50, p99");
    assertThatThrownBy(() -> FailIf.parse("p99 >> 5ms"))
        .hasMessageContaining("use METRIC OP VALUE, e.g. 'p99>50ms' or 'failed>0'");
  }
}
