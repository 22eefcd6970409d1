package dev.tblog;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link HeapBoundsTest}: P producers log 512x512 float pictures as fast as they
 * can for S seconds, with the default configuration but for the overflow policy; prints how many
 * producers died (an {@code OutOfMemoryError}), the counts and the peak heap. Arguments: the run
 * folder, the policy, seconds, producers.
 */
public final class ImageFloodChild {
    private static final int SIDE = 512;

    private ImageFloodChild() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        String policy = args[1];
        long seconds = Long.parseLong(args[2]);
        int producers = Integer.parseInt(args[3]);
        Logger log = Logger.builder().runDir(run).set("shutdownHook.enabled", "false")
            .set("overflow.policy", policy).build();
        System.out.println("BUDGET " + log.config().payloadMaxPendingBytes());
        AtomicInteger died = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[producers];
        for (int t = 0; t < producers; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                float[] pixels = new float[SIDE * SIDE];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (i % SIDE + id) / (float) SIDE;
                }
                try {
                    for (long step = 0; System.nanoTime() < deadline; step++) {
                        log.addImage("rate/" + id, Image.gray(pixels, SIDE, SIDE), step);
                    }
                } catch (Throwable e) {
                    died.incrementAndGet();
                    System.out.println("DIED " + e);
                }
            }, "producer-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        log.close();
        LoggerStats s = log.stats();
        System.out.println("DIED_COUNT " + died.get());
        System.out.println("PUBLISHED " + s.published());
        System.out.println("WRITTEN " + s.written());
        System.out.println("DROPPED " + s.dropped());
        System.out.println("LOST " + s.lost());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("PEAK_HEAP_MIB " + (peak >> 20));
    }
}
