package dev.tblog.jmhruns;

import dev.tblog.jmhruns.IterationScores.Phase;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a forked benchmark JVM hands its warm-up iterations to the JMH host, which only receives the
 * measured ones: the fork appends each iteration to a file the host named (a few hundred bytes of
 * text, between iterations), the host reads the file once the fork has ended. A record is complete
 * only with its {@code end} line, so a fork killed while writing one leaves the earlier ones
 * readable:
 * <pre>
 * iteration	WARMUP	2
 * primary	1523.5	ops/ms
 * secondary	gc.alloc.rate.norm	0.015	B/op
 * samples	200.0 3480 201.0 1434 210.0 18771
 * end
 * </pre>
 * Fields are separated by tabs; tabs and line breaks inside a label or unit are written as spaces.
 * Numbers are Java's shortest round-trip text ({@code NaN} included), so what the host reads is
 * what the fork measured, bit for bit. The fork index is the host's to give: it is not written.
 *
 * <p>Thread contract: a {@link Writer} is confined to the thread that writes (JMH's harness
 * thread in the fork); {@link #read} is stateless.
 */
public final class IterationChannel {
    /** The system property by which the host tells a fork where to write. */
    public static final String PROPERTY = "dev.tblog.jmh.iterations";

    private IterationChannel() {
    }

    /**
     * The complete records of a file, in order, as iterations of fork {@code fork}.
     *
     * @throws IOException the file cannot be read, or a complete record does not parse
     */
    public static List<IterationScores> read(Path file, int fork) throws IOException {
        List<IterationScores> records = new ArrayList<>();
        Record current = null;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "iteration" -> current = new Record(Phase.valueOf(f[1]), Integer.parseInt(f[2]));
                    case "primary" -> current.primary = new Score(Double.parseDouble(f[1]), f[2]);
                    case "secondary" -> current.secondaries.put(f[1], new Score(Double.parseDouble(f[2]), f[3]));
                    case "samples" -> current.samples = samples(f[1]);
                    case "end" -> {
                        records.add(new IterationScores(current.phase, fork, current.iteration, current.primary,
                            current.secondaries, current.samples));
                        current = null;
                    }
                    default -> throw new IllegalArgumentException("unknown line kind '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + lineNumber + ": not an iteration record (" + e + "): " + line, e);
            }
        }
        return records;
    }

    private static Distribution samples(String pairs) {
        String[] items = pairs.isEmpty() ? new String[0] : pairs.split(" ");
        if (items.length % 2 != 0) {
            throw new IllegalArgumentException("samples come in value-count pairs, got " + items.length + " items");
        }
        double[] values = new double[items.length / 2];
        long[] counts = new long[items.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(items[2 * i]);
            counts[i] = Long.parseLong(items[2 * i + 1]);
        }
        return Distribution.of(values, counts);
    }

    /** A record being read. */
    private static final class Record {
        final Phase phase;
        final int iteration;
        final Map<String, Score> secondaries = new TreeMap<>();
        Score primary;
        Distribution samples;

        Record(Phase phase, int iteration) {
            this.phase = phase;
            this.iteration = iteration;
        }
    }

    /**
     * Appends iterations to a channel file, each flushed to the OS as it is written.
     *
     * <p>Thread contract: confined to one thread.
     */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;
        private final StringBuilder record = new StringBuilder(256);

        /** @throws IOException the file cannot be opened for appending */
        public Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }

        /** Appends one iteration (its fork index is not written) and flushes. */
        public void write(IterationScores it) throws IOException {
            record.setLength(0);
            record.append("iteration\t").append(it.phase().name()).append('\t').append(it.iteration()).append('\n');
            record.append("primary\t").append(it.primary().value()).append('\t').append(text(it.primary().unit()))
                .append('\n');
            it.secondaries().forEach((label, score) -> record.append("secondary\t").append(text(label)).append('\t')
                .append(score.value()).append('\t').append(text(score.unit())).append('\n'));
            it.samples().ifPresent(d -> {
                record.append("samples\t");
                for (int i = 0; i < d.size(); i++) {
                    record.append(i == 0 ? "" : " ").append(d.value(i)).append(' ').append(d.count(i));
                }
                record.append('\n');
            });
            record.append("end\n");
            out.append(record);
            out.flush();
        }

        private static String text(String s) {
            return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
