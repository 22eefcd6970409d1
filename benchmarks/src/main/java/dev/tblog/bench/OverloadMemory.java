package dev.tblog.bench;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.bench.harness.Harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory under sustained overload: {@code producers} threads call {@code addScalar} as fast as
 * they can for {@code seconds} (more than the one consumer can serve) while the main thread samples
 * heap used (MemoryMXBean) and RSS ({@code VmRSS} in /proc/self/status) every 20 ms. Twice while
 * the load runs (at a quarter and at the end) it forces a GC and reads the retained heap: the run
 * fails if that grew by more than 16 MiB (the logger's memory must be bounded by its ring, whatever
 * the policy), or if the counts are wrong (block: written == published; drop: written + dropped).
 *
 * <pre>java -Xmx512m -cp benchmarks.jar dev.tblog.bench.OverloadMemory block|drop [seconds=10] [producers=8] [ring.size=65536]</pre>
 *
 * <p>Thread contract: a main program.
 */
public final class OverloadMemory {
    private static final long GROWTH_LIMIT_BYTES = 16L << 20;

    private OverloadMemory() {
    }

    public static void main(String[] args) throws Exception {
        String policy = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int producers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String ringSize = args.length > 3 ? args[3] : "65536";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path dir = Harness.tempDir("tblog-overload");
        Logger log = Benchmarks.logger(dir, "ring.size", ringSize, "overflow.policy", policy);
        long[] calls = new long[producers];
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < producers; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                String tag = "producer/" + id;
                long step = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 1000; i++) {
                        log.addScalar(tag, i, step++);
                    }
                }
                calls[id] = step;
            }, "producer-" + t);
            threads.add(thread);
            thread.start();
        }
        long peakHeap = 0;
        long peakRss = 0;
        long retainedAtQuarter = -1;
        long retainedAtEnd = -1;
        long start = System.nanoTime();
        long quarter = start + seconds * 250_000_000L;
        long nearEnd = deadline - 300_000_000L;
        while (System.nanoTime() < deadline) {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            peakRss = Math.max(peakRss, rssBytes());
            long now = System.nanoTime();
            if (retainedAtQuarter < 0 && now >= quarter) {
                retainedAtQuarter = retainedHeap(memory);
            } else if (retainedAtEnd < 0 && now >= nearEnd) {
                retainedAtEnd = retainedHeap(memory);
            }
            Thread.sleep(20);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        LoggerStats s = Benchmarks.closeAndCheck(log);
        long total = 0;
        for (long c : calls) {
            total += c;
        }
        System.out.printf("[memory] policy=%s ring.size=%s producers=%d seconds=%d: calls %,d written %,d dropped %,d;"
                + " peak heap used %,d KiB, peak RSS %,d KiB, retained heap after GC %,d KiB at 1/4 -> %,d KiB at end%n",
            policy, ringSize, producers, seconds, total, s.written(), s.dropped(),
            peakHeap >> 10, peakRss >> 10, retainedAtQuarter >> 10, retainedAtEnd >> 10);
        Harness.delete(dir);
        if (s.published() != total || ("block".equals(policy) && s.written() != total)) {
            throw new IllegalStateException("counts are wrong: calls " + total + ", " + s);
        }
        if (retainedAtQuarter < 0 || retainedAtEnd < 0 || retainedAtEnd - retainedAtQuarter > GROWTH_LIMIT_BYTES) {
            throw new IllegalStateException("heap not bounded under overload: retained " + retainedAtQuarter
                + " B at 1/4, " + retainedAtEnd + " B at the end (limit +" + GROWTH_LIMIT_BYTES + " B)");
        }
    }

    private static long retainedHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status in bytes, or 0 where there is none. */
    private static long rssBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
            }
        }
        return 0;
    }
}
