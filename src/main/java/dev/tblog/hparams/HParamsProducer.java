package dev.tblog.hparams;

import dev.tblog.record.RunNames;
import dev.tblog.ring.Publisher;
import dev.tblog.sink.LogStorage;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The producer half of the hparams kind ({@code addParameters}): validates and types the call
 * ({@link HParams#of}), checks it against the sweep declared for the run's folder in this process, if
 * any ({@link Sweeps#check}), numbers it (call 1 is the run's own session, call k &ge; 2 goes to the
 * sub-run {@code trial-000k}, see {@link dev.tblog.record.RunNames#trialSubRun}), encodes the session-start content, and
 * publishes it.
 *
 * <p>Once per run and never worth losing to a burst: it waits for room under either overflow
 * policy, bounded by {@code overflow.stallTimeoutMillis} like every other wait (a call given up on a
 * stalled consumer is counted as an "hparams" drop).
 *
 * <p>Thread contract: any thread; the call counter is atomic.
 */
public final class HParamsProducer {
    private final Publisher publisher;
    /** The run folder as {@link Sweeps} knows folders, resolved once: the run's sweep is looked up at each call. */
    private final Path runDir;
    private final LogStorage storage;
    private final AtomicInteger calls = new AtomicInteger();

    /** @param runDir the logger's run folder (it exists: the logger made its first file there) */
    public HParamsProducer(Publisher publisher, Path runDir) {
        this(publisher, LogStorage.LOCAL, runDir);
    }

    /** @param runDir the logger's run folder, a path within {@code storage} */
    public HParamsProducer(Publisher publisher, LogStorage storage, Path runDir) {
        this.publisher = publisher;
        this.storage = storage;
        this.runDir = Sweeps.key(storage, runDir);
    }

    /**
     * Logs one session.
     *
     * @throws IllegalArgumentException bad parameters or metrics (see {@link HParams#of}), or outside
     *     the declared sweep (see {@link SweepDeclaration#check}); nothing published
     * @throws IllegalStateException the logger is closed
     */
    public void add(Map<String, ?> params, Map<String, ? extends Number> metrics) {
        HParams hp = HParams.of(params, metrics);
        Sweeps.check(storage, runDir, hp);
        publisher.ensureOpen();
        String folder = RunNames.trialSubRun(calls.incrementAndGet());
        String[] tags = new String[hp.metrics().size()];
        double[] values = new double[tags.length];
        int i = 0;
        for (Map.Entry<String, Double> m : hp.metrics().entrySet()) {
            tags[i] = m.getKey();
            values[i] = m.getValue();
            i++;
        }
        publisher.publishUnlessStalled(new HParamsPayload(folder.isEmpty() ? null : folder,
            HParamsEncoder.metadata(HParamsContent.sessionStart(hp)), tags, values));
    }
}
