package dev.tblog;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The child JVM of the process tests ({@link ProcessReliabilityTest}). Arguments:
 * {@code <mode> <runDir> <prefix> <eventsPerThread>}; config comes from {@code -Dtblog.*}.
 *
 * <ul>
 *   <li>{@code kill}: two producer threads log forever; the main thread calls {@code flush()} every
 *       few milliseconds and, once it returned, prints {@code FLUSHED tag=count ...} with the counts
 *       published before the flush began. The parent kills it.</li>
 *   <li>{@code exit}: logs {@code eventsPerThread} per thread, prints the counts, calls
 *       {@code System.exit(0)} without close: the shutdown hook must drain.</li>
 *   <li>{@code count}: logs {@code eventsPerThread} per thread, closes, prints the counts.</li>
 * </ul>
 *
 * <p>Each producer thread owns its tags, and every tag's steps are 0, 1, 2, ... in order, so the
 * parent can check order and completeness per tag. Event kinds are one line each in {@link #logOne}.
 */
public final class ChildLogger {
    /** Tags as the reader sees them, per producer thread t: index into the counters. */
    static final int KINDS = 5;
    /** The image kind's picture: a 4x4 gray gradient, shared read-only by all threads. */
    private static final Image IMAGE = Image.gray(
        new float[] {0f, .1f, .2f, .3f, .4f, .5f, .6f, .7f, .8f, .9f, 1f, .5f, .25f, 0f, 1f, 0f}, 4, 4);

    private ChildLogger() {
    }

    /** The tag (as read back) and sub-run folder ("" for the main run) of kind k of thread t. */
    static String[] readTag(String prefix, int t, int k) {
        switch (k) {
            case 0:
                return new String[] {prefix + "/scalar/" + t, ""};
            case 1:
                return new String[] {prefix + "/group/" + t, (prefix + "/group/" + t).replace('/', '_') + "_a"};
            case 2:
                return new String[] {prefix + "/text/" + t + "/text_summary", ""};
            case 3:
                return new String[] {prefix + "/histogram/" + t, ""};
            default:
                return new String[] {prefix + "/image/" + t, ""};
        }
    }

    /**
     * One event of kind k with step n (every kind's steps are dense).
     * Kinds: scalar, addScalars, text, histogram, image.
     */
    static void logOne(Logger log, String prefix, int t, int k, long n) {
        switch (k) {
            case 0:
                log.addScalar(prefix + "/scalar/" + t, n, n);
                break;
            case 1:
                log.addScalars(prefix + "/group/" + t, Map.of("a", n), n);
                break;
            case 2:
                log.addText(prefix + "/text/" + t, "event " + n, n);
                break;
            case 3:
                log.addHistogram(prefix + "/histogram/" + t, new double[] {n, n + 0.5, -n, 1e-3 * n}, n);
                break;
            default:
                log.addImage(prefix + "/image/" + t, IMAGE, n);
                break;
        }
    }

    /** Which kind the i-th call of a thread is: mostly scalars, some addScalars, a few payloads. */
    static int kindOf(long i) {
        return i % 211 == 5 ? 4 : i % 101 == 0 ? 3 : i % 97 == 0 ? 2 : i % 11 == 0 ? 1 : 0;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path runDir = Path.of(args[1]);
        String prefix = args[2];
        long perThread = Long.parseLong(args[3]);
        int threads = 2;
        Logger log = Logger.builder().runDir(runDir).build();
        AtomicLongArray counts = new AtomicLongArray(threads * KINDS);
        Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            producers[t] = new Thread(() -> {
                long[] next = new long[KINDS];
                for (long i = 0; mode.equals("kill") || i < perThread; i++) {
                    int k = kindOf(i);
                    logOne(log, prefix, thread, k, next[k]);
                    next[k]++;
                    counts.lazySet(thread * KINDS + k, next[k]);
                }
            }, "producer-" + t);
            producers[t].start();
        }
        if (mode.equals("kill")) {
            while (true) {
                long[] before = new long[counts.length()];
                for (int i = 0; i < before.length; i++) {
                    before[i] = counts.get(i);
                }
                log.flush();
                System.out.println("FLUSHED " + format(prefix, before) + " END");
                System.out.flush();
                Thread.sleep(5);
            }
        }
        for (Thread p : producers) {
            p.join();
        }
        long[] all = new long[counts.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = counts.get(i);
        }
        System.out.println("PUBLISHED " + format(prefix, all) + " END");
        System.out.flush();
        if (mode.equals("exit")) {
            System.exit(0);
        }
        log.close();
    }

    private static String format(String prefix, long[] counts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            String[] tag = readTag(prefix, i / KINDS, i % KINDS);
            sb.append(i == 0 ? "" : " ").append(tag[1].isEmpty() ? "." : tag[1]).append('|').append(tag[0])
                .append('=').append(counts[i]);
        }
        return sb.toString();
    }
}
