package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ShardTest {

  @Test
  @Timeout(10)
  void shardTwoOfFourOfAThousandRunsIds251To500() {
    Shard s = new Shard(2, 4);
    assertThat(s.devices(1000)).isEqualTo(250);
    assertThat(s.firstId(1000)).isEqualTo(251);
  }

  @Test
  @Timeout(30)
  void everyIdIsCoveredExactlyOnceForAnyCountAndShards() {
    for (int count = 1; count <= 300; count++) {
      for (int total = 1; total <= 40; total++) {
        int next = 1;
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (int i = 1; i <= total; i++) {
          Shard s = new Shard(i, total);
          assertThat(s.firstId(count)).as("%d of %d, shard %s", count, total, s).isEqualTo(next);
          next += s.devices(count);
          largest = Math.max(largest, s.devices(count));
          smallest = Math.min(smallest, s.devices(count));
        }
        assertThat(next - 1).as("%d devices over %d shards", count, total).isEqualTo(count);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  @Timeout(10)
  void fewerDevicesThanShardsLeavesTheLastShardsEmpty() {
    assertThat(new Shard(1, 8).devices(3)).isEqualTo(1);
    assertThat(new Shard(3, 8).firstId(3)).isEqualTo(3);
    assertThat(new Shard(4, 8).devices(3)).isZero();
    assertThat(new Shard(8, 8).devices(3)).isZero();
  }

  @Test
  @Timeout(10)
  void anIndexOutsideTheShardsIsRefused() {
    assertThatThrownBy(() -> new Shard(5, 4)).hasMessageContaining("shard 5/4 is out of range");
    assertThatThrownBy(() -> new Shard(0, 4)).hasMessageContaining("1 <= I <= N");
  }

  @Test
  @Timeout(10)
  void aConfigOfAShardRunsItsShareWithGlobalIds() {
    SimulationConfig c =
        SimulationConfig.builder(Profile.ECHO_CLIENT)
            .target(new dev.socketdesk.engine.HostPort("127.0.0.1", 1))
            .shard(new Shard(4, 4), 1002)
            .build();
    assertThat(c.count()).isEqualTo(250);
    assertThat(c.fleetCount()).isEqualTo(1002);
    assertThat(c.firstId()).isEqualTo(753);
  }
}
