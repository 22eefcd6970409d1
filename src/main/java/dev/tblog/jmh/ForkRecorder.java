package dev.tblog.jmh;

import dev.tblog.jmhruns.IterationChannel;
import dev.tblog.jmhruns.IterationScores.Phase;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The profiler's work in a forked benchmark JVM: it hands each warm-up iteration to the host (JMH
 * sends the host only the measured ones) through the channel file the host named. No logger, no
 * thread, no TensorBoard code runs here: one short append per warm-up iteration, between
 * iterations.
 *
 * <p>An iteration is written at the start of the next one, not at its own end: JMH stops the
 * profilers in the reverse of the {@code -prof} order and adds each one's results to the iteration
 * as it goes, so at this profiler's {@code afterIteration} the profilers listed before it (say
 * {@code -prof gc}) have not yet added theirs. By the next {@code beforeIteration} they all have.
 * The last warm-up iteration is followed by the first measured one, so every warm-up is written.
 *
 * <p>Thread contract: confined to JMH's harness thread in the fork.
 */
final class ForkRecorder {
    private final Path channel;
    private final Consumer<String> warnings;
    private IterationResult pending;
    private Mode pendingMode;
    private int warmups;

    /** @param channel the file named by the host, or {@code null} when there is none */
    ForkRecorder(Path channel, Consumer<String> warnings) {
        this.channel = channel;
        this.warnings = warnings;
    }

    void beforeIteration() {
        if (pending == null) {
            return;
        }
        IterationResult done = pending;
        pending = null;
        // Opened per record: nothing of the profiler stays open in the benchmark's JVM.
        try (IterationChannel.Writer writer = new IterationChannel.Writer(channel)) {
            writer.write(JmhModel.iteration(Phase.WARMUP, 0, warmups, pendingMode, done));
        } catch (IOException | RuntimeException e) {
            warnings.accept("cannot hand warm-up iteration " + warmups + " to the host (" + e + ")");
        }
    }

    void afterIteration(Mode mode, IterationParams iteration, IterationResult result) {
        if (channel != null && iteration.getType() == IterationType.WARMUP) {
            pending = result;
            pendingMode = mode;
            warmups++;
        }
    }
}
