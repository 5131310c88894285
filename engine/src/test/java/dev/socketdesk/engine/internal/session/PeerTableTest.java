package dev.socketdesk.engine.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PeerTableTest {
  private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 9000);

  private static PeerHandle peer(int id) {
    return new PeerHandle(id, ADDRESS, null);
  }

  @Test
  void emptyTable() {
    PeerTable table = new PeerTable();
    assertThat(table.isEmpty()).isTrue();
    assertThat(table.size()).isZero();
    assertThat(table.get(1)).isNull();
    assertThat(table.oldest()).isNull();
    assertThat(table.inIdOrder()).isEmpty();
    assertThat(table.remove(peer(1))).isFalse();
  }

  @Test
  void putGetRemove() {
    PeerTable table = new PeerTable();
    PeerHandle one = peer(1);
    PeerHandle two = peer(2);
    table.put(two);
    table.put(one);
    assertThat(table.get(1)).isSameAs(one);
    assertThat(table.get(2)).isSameAs(two);
    assertThat(table.inIdOrder()).containsExactly(one, two);
    assertThat(table.oldest()).isSameAs(one);
    assertThat(table.remove(peer(1))).as("another handle with the same id").isFalse();
    assertThat(table.remove(one)).isTrue();
    assertThat(table.get(1)).isNull();
    assertThat(table.size()).isEqualTo(1);
    assertThatThrownBy(() -> table.put(peer(2))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void behavesLikeASortedMapUnderSeededRandomOperations() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      PeerTable table = new PeerTable();
      Map<Integer, PeerHandle> model = new TreeMap<>();
      List<Integer> live = new ArrayList<>();
      int nextId = 1;
      for (int op = 0; op < 20_000; op++) {
        int action = random.nextInt(10);
        if (action < 5 || live.isEmpty()) {
          int id = random.nextInt(50) == 0 ? nextId + random.nextInt(1 << 20) : nextId;
          nextId = id + 1;
          PeerHandle p = peer(id);
          table.put(p);
          model.put(id, p);
          live.add(id);
        } else if (action < 8) {
          int id = live.remove(random.nextInt(live.size()));
          assertThat(table.remove(model.remove(id))).isTrue();
        } else {
          int id = random.nextBoolean() ? live.get(random.nextInt(live.size())) : -id(random);
          assertThat(table.get(id)).isSameAs(model.get(id));
        }
        assertThat(table.size()).isEqualTo(model.size());
      }
      assertThat(table.inIdOrder()).containsExactlyElementsOf(model.values());
      assertThat(table.oldest()).isSameAs(model.values().iterator().next());
      for (int id : live) {
        assertThat(table.get(id)).isSameAs(model.get(id));
      }
    }
  }

  @Test
  void shrinksBackAndStaysCorrectAfterMassRemoval() {
    PeerTable table = new PeerTable();
    List<PeerHandle> all = new ArrayList<>();
    for (int id = 1; id <= 50_000; id++) {
      PeerHandle p = peer(id);
      all.add(p);
      table.put(p);
    }
    for (PeerHandle p : all.subList(0, 49_990)) {
      assertThat(table.remove(p)).isTrue();
    }
    assertThat(table.inIdOrder()).containsExactlyElementsOf(all.subList(49_990, 50_000));
    assertThat(table.oldest().id).isEqualTo(49_991);
  }

  private static int id(Random random) {
    return 1 + random.nextInt(1 << 20);
  }
}
