package dev.tblog;

import java.nio.file.Path;

/**
 * The child JVM of {@link EmbeddingProcessesTest}: {@code <logdir> <run> <writer> <count>} logs
 * {@code count} embeddings named {@code <writer>} at steps 0, 1, ... into the shared run, then
 * closes and prints {@code DONE}. Values come from {@link #values}, so the parent can check them.
 */
public final class EmbeddingChild {
    static final int ROWS = 3;
    static final int DIMS = 4;

    private EmbeddingChild() {
    }

    /** The matrix a writer logs at a step: distinct per writer and step, never text-like. */
    static float[] values(String writer, int step) {
        float[] v = new float[ROWS * DIMS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(writer.hashCode() * 31.0 + step * 7.0 + i) + 0.123f;
        }
        return v;
    }

    static void log(Logger log, String writer, int count) {
        for (int step = 0; step < count; step++) {
            log.addEmbedding(writer, Embedding.of(values(writer, step), ROWS, DIMS), step);
        }
    }

    public static void main(String[] args) {
        try (Logger log = Logger.builder().logdir(Path.of(args[0])).experiment(args[1])
            .set("shutdownHook.enabled", "false").build()) {
            log(log, args[2], Integer.parseInt(args[3]));
        }
        System.out.println("DONE");
    }
}
