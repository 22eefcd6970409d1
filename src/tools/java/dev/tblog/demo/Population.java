package dev.tblog.demo;

import java.util.Random;

/**
 * A 10×10 sheet of rate-coded neurons, each with a receptive field over the 5×5 input, learning by
 * a Hebbian rule with competition (Kohonen's self-organizing map): for an input x the most active
 * neuron k wins, and every neuron i moves its weights towards x in proportion to its neighbourhood
 * to k on the sheet, {@code w_i += rate * h(i, k) * (x - w_i)}, {@code h = exp(-d(i,k)^2 / 2 sigma^2)}.
 * The subtraction keeps the weights bounded (Oja-like normalization of the plain Hebbian rule).
 * A neuron's firing rate for x is {@code exp(-|x - w_i|^2 / 2)}.
 *
 * <p>Thread contract: not thread-safe; one population per simulation thread.
 */
final class Population {
    static final int SIDE = 10;
    static final int NEURONS = SIDE * SIDE;

    private final double[][] weights = new double[NEURONS][Patterns.PIXELS];
    private final double[] rates = new double[NEURONS];

    Population(Random random) {
        for (double[] w : weights) {
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.4 + 0.2 * random.nextDouble();
            }
        }
    }

    /** Computes every neuron's firing rate for x; returns the winner (the most active neuron). */
    int respond(double[] x) {
        int winner = 0;
        for (int n = 0; n < NEURONS; n++) {
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                double e = x[i] - weights[n][i];
                d += e * e;
            }
            rates[n] = Math.exp(-d / 2);
            if (rates[n] > rates[winner]) {
                winner = n;
            }
        }
        return winner;
    }

    /** One Hebbian step towards x around the winner; returns the winner's squared error before it. */
    double learn(double[] x, double rate, double sigma) {
        int winner = respond(x);
        double error = -2 * Math.log(rates[winner]);
        int wy = winner / SIDE;
        int wx = winner % SIDE;
        for (int n = 0; n < NEURONS; n++) {
            int dy = n / SIDE - wy;
            int dx = n % SIDE - wx;
            double h = Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma));
            if (h < 1e-3) {
                continue;
            }
            double[] w = weights[n];
            for (int i = 0; i < x.length; i++) {
                w[i] += rate * h * (x[i] - w[i]);
            }
        }
        return error;
    }

    /** The rates of the last {@link #respond}, a 10×10 map. */
    double[] rates() {
        return rates;
    }

    double[] weights(int neuron) {
        return weights[neuron];
    }

    /** All receptive fields, neuron after neuron, each 5×5: {@code NEURONS} images for addImages. */
    void copyWeights(float[] out) {
        for (int n = 0; n < NEURONS; n++) {
            for (int i = 0; i < Patterns.PIXELS; i++) {
                out[n * Patterns.PIXELS + i] = (float) weights[n][i];
            }
        }
    }

    /** Every weight, for the weight histogram. */
    void copyWeights(double[] out) {
        for (int n = 0; n < NEURONS; n++) {
            System.arraycopy(weights[n], 0, out, n * Patterns.PIXELS, Patterns.PIXELS);
        }
    }
}
