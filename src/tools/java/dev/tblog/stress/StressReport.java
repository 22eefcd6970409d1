package dev.tblog.stress;

import dev.tblog.LoggerStats;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;

/**
 * What a stress run measured: throughput, producer-side latency, drops and memory.
 *
 * <p>Thread contract: immutable once built.
 *
 * @param seconds the time from the first call to the end of close (everything written)
 * @param latencyNanos producer-side call latency, all producers merged
 * @param peakHeapBytes the highest heap use sampled during the run
 * @param peakRssBytes the process's peak resident set (VmHWM), or -1 where unknown
 */
public record StressReport(LoggerStats stats, double seconds, Histogram latencyNanos, long peakHeapBytes,
                           long peakRssBytes, int producers, String config) {

    /** Whether every call is accounted for: published == written + dropped + lost. */
    public boolean countsAddUp() {
        return stats.published() == stats.written() + stats.dropped() + stats.lost();
    }

    /** Prints the figures. */
    public void print(PrintStream out) {
        out.printf("config      %s%n", config);
        out.printf("producers   %d, %.2f s (first call to end of close)%n", producers, seconds);
        out.printf("events/s    %,.0f written (%,d written, %,d published)%n", stats.written() / seconds,
            stats.written(), stats.published());
        out.printf("bytes/s     %,.0f (%,d bytes)%n", stats.bytes() / seconds, stats.bytes());
        out.printf("latency ns  p50 %,d  p99 %,d  p99.9 %,d  max %,d  (producer side, per call)%n",
            latencyNanos.getValueAtPercentile(50), latencyNanos.getValueAtPercentile(99),
            latencyNanos.getValueAtPercentile(99.9), latencyNanos.getMaxValue());
        out.printf("dropped     %,d %s, lost %,d, stalls %,d%n", stats.dropped(), stats.droppedByKind(),
            stats.lost(), stats.stalls());
        out.printf("memory      peak heap %,d MiB, peak RSS %s%n", peakHeapBytes >> 20,
            peakRssBytes < 0 ? "unknown" : (peakRssBytes >> 20) + " MiB");
        out.printf("counts      %s%n", countsAddUp() ? "add up (published == written + dropped + lost)"
            : "DO NOT ADD UP");
    }
}
