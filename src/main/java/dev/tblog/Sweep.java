package dev.tblog;

import dev.tblog.hparams.SweepDeclaration;
import dev.tblog.hparams.Sweeps;

import dev.tblog.sink.LogStorage;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A parameter search declared once for a log folder, so that TensorBoard's HPARAMS tab shows what
 * the search is about: exactly the declared hyperparameters, with their domains in the filter panel
 * (a range slider for an interval, a checkbox per value for a discrete domain), their display names
 * and descriptions, and exactly the declared metrics as columns.
 *
 * <pre>{@code
 * Sweep.in(Path.of("runs/sweep-1"))
 *     .hparam("learning_rate", Domain.interval(1e-4, 1.0), "Learning rate", "Step size of the Hebbian rule")
 *     .hparam("solver", Domain.discrete(Solver.class))
 *     .metric("accuracy", "Accuracy (test)")
 *     .declare();
 * // then one logger per run under runs/sweep-1, each ending with addParameters(params, metrics)
 * }</pre>
 *
 * <p>{@link Builder#declare()} writes the experiment summary TensorBoard reads
 * ({@code _hparams_/experiment}) once, into the event file {@code events.out.tfevents.0000000000.sweep}
 * of the folder itself (TensorBoard's root run, "."), atomically: of several threads or processes
 * declaring the same sweep in one folder at once, one writes it and the others find it there, and
 * the folder holds exactly one experiment. Declaring a <em>different</em> sweep in a folder that has
 * one throws {@link IllegalStateException} saying what differs. Two declarations are the same when
 * they declare the same hparams (names, domains, display names, descriptions; in any order) and the
 * same metrics (tags, display names, descriptions; in the same order, the order of the columns).
 *
 * <p>Once declared in a process, every {@link Logger#addParameters} of a run under the folder (at
 * any depth) is checked against it: a parameter or metric the sweep does not declare, or a value
 * outside its domain, throws {@link IllegalArgumentException} naming the key, the value and the
 * domain, and nothing is logged. A declared parameter that a run leaves out is fine (its cell stays
 * empty). Each process that logs runs of the sweep should declare it (it costs one small file read
 * once the folder has it): the checks belong to the processes that declared.
 *
 * <p>A declared metric is the last value of the scalar of that tag in each run: the value
 * {@code addParameters} passes for it, or, for a metric it does not pass, the last point of the
 * training curve of that tag.
 *
 * <p>Without a declaration TensorBoard guesses: the columns are the union of every run's parameters,
 * and the metric columns are every scalar tag of every run (training curves included).
 *
 * <p>Thread contract: immutable, any thread; a {@link Builder} is confined to the thread that
 * builds, and {@link Builder#declare()} may run in several threads and processes at once.
 */
public final class Sweep {
    private final LogStorage storage;
    private final Path logdir;
    private final SweepDeclaration declaration;

    private Sweep(LogStorage storage, Path logdir, SweepDeclaration declaration) {
        this.storage = storage;
        this.logdir = logdir;
        this.declaration = declaration;
    }

    /**
     * Starts declaring the sweep of a log folder: the folder that holds the sweep's runs (one run
     * folder per logger, e.g. {@code runs/sweep-1/lr-0.01}) and that TensorBoard is pointed at.
     *
     * @param logdir the local log folder, not null; {@link Builder#declare()} creates it if needed
     * @return a builder of the sweep, with no hparam or metric yet
     * @throws IllegalArgumentException a null folder
     */
    public static Builder in(Path logdir) {
        if (logdir == null) {
            throw new IllegalArgumentException("log folder of a sweep must not be null");
        }
        return new Builder(LogStorage.LOCAL, logdir);
    }

    /**
     * {@link #in(Path)} for a log folder named by a URI: {@code hdfs://nn:8020/runs/sweep-1} (its
     * storage as {@link LogStorage#of(URI)} picks it, the one a logger given the same URI uses).
     *
     * @param logdir the log folder's URI, not null; a URI without a scheme, or {@code file:}, is local
     * @return a builder of the sweep, with no hparam or metric yet
     * @throws IllegalArgumentException a null URI, or one whose storage is not on the class path
     */
    public static Builder in(URI logdir) {
        if (logdir == null) {
            throw new IllegalArgumentException("log folder of a sweep must not be null");
        }
        LogStorage storage = LogStorage.of(logdir);
        return new Builder(storage, storage.path(logdir));
    }

    /**
     * {@link #in(Path)} for a folder of the given storage (e.g. a {@link dev.tblog.sink.HadoopStorage}
     * with a configuration of your own), {@code logdir} a path within it.
     *
     * @param storage the storage the log folder is in, not null
     * @param logdir the log folder, a path of {@code storage}, not null
     * @return a builder of the sweep, with no hparam or metric yet
     * @throws IllegalArgumentException a null storage or folder
     */
    public static Builder in(LogStorage storage, Path logdir) {
        if (storage == null || logdir == null) {
            throw new IllegalArgumentException("storage and log folder of a sweep must not be null");
        }
        return new Builder(storage, logdir);
    }

    /** {@return the log folder whose root run holds the sweep (a path within {@link #uri()}'s storage)} */
    public Path logdir() {
        return logdir;
    }

    /** {@return the log folder as a URI} */
    public URI uri() {
        return storage.uri(logdir);
    }

    /** {@return the declared hyperparameters' names, sorted} */
    public List<String> hparams() {
        return declaration.hparamNames();
    }

    /** {@return the declared metrics' tags, in the order of their columns} */
    public List<String> metrics() {
        return declaration.metricTags();
    }

    @Override
    public String toString() {
        return "Sweep[" + logdir + ", hparams " + hparams() + ", metrics " + metrics() + "]";
    }

    /**
     * Collects the hyperparameters and metrics of a sweep, then declares it. Each method checks its
     * arguments and throws {@link IllegalArgumentException} naming the bad one: a {@code null} or
     * blank name, a name declared twice, a {@code null} domain or text, a metric tag starting with
     * the reserved {@code _hparams_/}.
     *
     * <p>Thread contract: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private final LogStorage storage;
        private final Path logdir;
        private final SweepDeclaration.Builder declaration = SweepDeclaration.builder();

        private Builder(LogStorage storage, Path logdir) {
            this.storage = storage;
            this.logdir = logdir;
        }

        /**
         * A hyperparameter shown under its own name.
         *
         * @param name the key {@code addParameters} uses
         * @param domain the values it may take, not null
         * @return this builder
         */
        public Builder hparam(String name, Domain domain) {
            return hparam(name, domain, "", "");
        }

        /**
         * A hyperparameter shown as {@code displayName}.
         *
         * @param name the key {@code addParameters} uses
         * @param domain the values it may take, not null
         * @param displayName the column's title ({@code ""}: the name)
         * @return this builder
         */
        public Builder hparam(String name, Domain domain, String displayName) {
            return hparam(name, domain, displayName, "");
        }

        /**
         * A hyperparameter.
         *
         * @param name the key {@code addParameters} uses
         * @param domain the values it may take, not null
         * @param displayName the column's title ({@code ""}: the name)
         * @param description the column's tooltip ({@code ""}: none)
         * @return this builder
         */
        public Builder hparam(String name, Domain domain, String displayName, String description) {
            if (domain == null) {
                throw new IllegalArgumentException("domain of hparam '" + name + "' must not be null");
            }
            declaration.hparam(name, domain.internal(), displayName, description);
            return this;
        }

        /**
         * A metric shown under its tag.
         *
         * @param tag the key {@code addParameters} uses, or a scalar tag the runs log
         * @return this builder
         */
        public Builder metric(String tag) {
            return metric(tag, "", "");
        }

        /**
         * A metric shown as {@code displayName}.
         *
         * @param tag the key {@code addParameters} uses, or a scalar tag the runs log
         * @param displayName the column's title ({@code ""}: the tag)
         * @return this builder
         */
        public Builder metric(String tag, String displayName) {
            return metric(tag, displayName, "");
        }

        /**
         * A metric: the last value of the scalar {@code tag} in each run.
         *
         * @param tag the key {@code addParameters} uses, or a scalar tag the runs log
         * @param displayName the column's title ({@code ""}: the tag)
         * @param description the column's tooltip ({@code ""}: none)
         * @return this builder
         */
        public Builder metric(String tag, String displayName, String description) {
            declaration.metric(tag, displayName, description);
            return this;
        }

        /**
         * Writes the sweep into the log folder (creating it), or finds the same sweep there, and
         * checks this process's later {@code addParameters} calls under the folder against it.
         *
         * @return the declared sweep
         * @throws IllegalArgumentException no hparam was declared
         * @throws IllegalStateException the folder holds a different sweep (the message lists the
         *     differences), or a sweep file that holds no complete experiment
         * @throws UncheckedIOException the folder cannot be created, written or read
         */
        public Sweep declare() {
            SweepDeclaration built = declaration.build();
            Sweeps.declare(storage, logdir, built);
            return new Sweep(storage, logdir, built);
        }
    }
}
