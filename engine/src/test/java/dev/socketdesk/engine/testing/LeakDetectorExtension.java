package dev.socketdesk.engine.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector reports a leaked buffer during it. Registered for
 * every test class through the ServiceLoader (junit.jupiter.extensions.autodetection.enabled). Run
 * with {@code -Dio.netty.leakDetectionLevel=paranoid} to track every buffer, as CI does.
 */
public final class LeakDetectorExtension implements AfterAllCallback {
  private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

  static {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
      System.gc();
      provokeLeakReports();
    }
    List<String> leaks = new ArrayList<>();
    for (String leak; (leak = LEAKS.poll()) != null; ) {
      leaks.add(leak);
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "LEAK: "
              + leaks.size()
              + " leaked Netty buffer(s) in "
              + context.getDisplayName()
              + ":\n"
              + String.join("\n", leaks));
    }
  }

  /** Leaks are reported when a new tracked buffer is created after the leaked one was collected. */
  private static void provokeLeakReports() {
    for (int i = 0; i < 256; i++) {
      ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
      pooled.release();
      ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
      unpooled.release();
    }
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return new RecordingDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add(resourceType + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add(resourceType + " (untraced; run with -Dio.netty.leakDetectionLevel=paranoid)");
      super.reportUntracedLeak(resourceType);
    }
  }
}
