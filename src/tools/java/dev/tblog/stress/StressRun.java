package dev.tblog.stress;

import dev.tblog.Logger;
import dev.tblog.LoggerFailedException;
import dev.tblog.config.TblogConfig;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a real logger with P producer threads for S seconds, logging a mix of event kinds as fast
 * as they can, timing every call, and samples memory; then closes the logger and reports.
 *
 * <p>Thread contract: run from one thread; it starts and joins its own producers.
 */
public final class StressRun {
    private static final int HISTOGRAM_VALUES = 10_000;
    private static final int IMAGE_SIDE = 100;

    private final TblogConfig config;
    private final Path logdir;
    private final int producers;
    private final double seconds;
    private final EventMix mix;

    public StressRun(TblogConfig config, Path logdir, int producers, double seconds, EventMix mix) {
        this.config = config;
        this.logdir = logdir;
        this.producers = producers;
        this.seconds = seconds;
        this.mix = mix;
    }

    /** Runs and reports. */
    public StressReport run() throws InterruptedException {
        Logger log = Logger.builder().logdir(logdir).experiment("stress").config(config)
            .set("shutdownHook.enabled", "false").build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tblog-stress-memory");
        sampler.setDaemon(true);
        sampler.start();

        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Producer> workers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Producer worker = new Producer(log, p, deadline, start);
            workers.add(worker);
            worker.thread.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Producer w : workers) {
            w.thread.join();
        }
        try {
            log.close();
        } catch (LoggerFailedException e) {
            // Reported through stats(): the counts still add up.
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        Histogram latency = new Histogram(3);
        for (Producer w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("producer " + w.id + " failed: " + w.failure, w.failure);
            }
            latency.add(w.latency);
        }
        return new StressReport(log.stats(), elapsed, latency, peakHeap.get(), peakRssBytes(), producers,
            config + ", mix " + mix);
    }

    /** One producer thread: its own tags, data and latency histogram. */
    private final class Producer {
        final int id;
        final Thread thread;
        final Histogram latency = new Histogram(3);
        Throwable failure;

        Producer(Logger log, int id, long deadline, CountDownLatch start) {
            this.id = id;
            this.thread = new Thread(() -> {
                try {
                    start.await();
                    loop(log, deadline);
                } catch (Throwable t) {
                    failure = t;
                }
            }, "tblog-stress-" + id);
        }

        private void loop(Logger log, long deadline) {
            String scalarTag = "stress/scalar/" + id;
            String textTag = "stress/text/" + id;
            Random random = new Random(id);
            double[] values = new double[HISTOGRAM_VALUES];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian();
            }
            float[] pixels = new float[IMAGE_SIDE * IMAGE_SIDE];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            StressCalls calls = new StressCalls(log, id, values, pixels, IMAGE_SIDE);
            for (long i = 0; ; i++) {
                if ((i & 63) == 0 && System.nanoTime() >= deadline) {
                    return;
                }
                EventMix.Kind kind = mix.kindOf(i);
                long before = System.nanoTime();
                switch (kind) {
                    case SCALAR:
                        log.addScalar(scalarTag, i, i);
                        break;
                    case TEXT:
                        log.addText(textTag, "call " + i, i);
                        break;
                    default:
                        calls.log(kind, i);
                        break;
                }
                latency.recordValue(Math.max(0, System.nanoTime() - before));
            }
        }
    }

    /** The peak resident set size of this process (VmHWM), or -1 off Linux. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
