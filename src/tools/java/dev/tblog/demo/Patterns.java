package dev.tblog.demo;

import java.util.Random;

/**
 * The demo's input: a few 5×5 binary prototypes (bars, a cross, a diagonal, a frame, a dot) and
 * noisy samples of them, pixel values clipped to [0, 1].
 *
 * <p>Thread contract: immutable after construction; {@link #sample} uses the caller's Random.
 */
final class Patterns {
    static final int SIDE = 5;
    static final int PIXELS = SIDE * SIDE;

    private final double[][] prototypes;
    private final double noise;

    Patterns(double noise) {
        this.noise = noise;
        this.prototypes = new double[][] {
            draw((y, x) -> x == 2),                       // vertical bar
            draw((y, x) -> y == 2),                       // horizontal bar
            draw((y, x) -> x == y),                       // diagonal
            draw((y, x) -> x == 2 || y == 2),             // cross
            draw((y, x) -> y == 0 || y == 4 || x == 0 || x == 4), // frame
            draw((y, x) -> Math.abs(y - 2) + Math.abs(x - 2) <= 1), // dot
        };
    }

    int count() {
        return prototypes.length;
    }

    double[] prototype(int k) {
        return prototypes[k];
    }

    /** A noisy sample of prototype k, written into {@code out}. */
    void sample(int k, Random random, double[] out) {
        double[] p = prototypes[k];
        for (int i = 0; i < PIXELS; i++) {
            out[i] = Math.min(1, Math.max(0, p[i] + noise * random.nextGaussian()));
        }
    }

    private interface Shape {
        boolean on(int y, int x);
    }

    private static double[] draw(Shape shape) {
        double[] p = new double[PIXELS];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                p[y * SIDE + x] = shape.on(y, x) ? 1 : 0;
            }
        }
        return p;
    }
}
