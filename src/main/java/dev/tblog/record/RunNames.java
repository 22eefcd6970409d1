package dev.tblog.record;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every name tblog gives a folder or a file, in one place, as the Python writers give them where
 * they have a say:
 * <pre>
 * runs/                                                  the default log folder
 *   Apr22_12-11-22_machine/                              a run: &lt;MonDD_HH-mm-ss&gt;_&lt;host&gt; by default
 *     events.out.tfevents.1776859882.machine.4242.0000000000   an event file
 *     Loss_total_train/                                  addScalars("Loss/total", {train: ...})
 *     trial-0002/                                        the second addParameters call's session
 *     plugins/org_tensorflow_tensorboard_projector/      addEmbedding: the projector's folder
 *       projector_config.pbtxt                           every embedding of the run, rebuilt from entries/
 *       entries/step-0000000400.machine.4242.0000000003.pbtxt   one call's EmbeddingInfo, written once
 *       step-0000000400.machine.4242.0000000003/         that call's tensor.bin (or .tsv), metadata.tsv, sprite.png
 *   tblog/Apr22_12-11-22_machine/                        the run's self-metrics (selfMetrics.enabled)
 *   events.out.tfevents.0000000000.sweep                 a declared sweep's experiment (Sweep.declare)
 * </pre>
 *
 * <p>Event files: {@code events.out.tfevents.<10-digit unix seconds>.<host>.<pid>.<10-digit counter>}.
 * TensorBoard reads the files of a run in lexicographic order, so the zero-padded seconds make a
 * later file sort after an earlier one; the pid and a per-process counter keep two writers that
 * start in the same second (in one process or several) from colliding. The counter is zero-padded
 * too, so that within one second and one process lexicographic order is creation order
 * ({@code ...pid.0000000009} before {@code ...pid.0000000010}; unpadded, {@code .10} would sort
 * before {@code .9} and a rotated file would be read before the one it follows). Files are opened
 * with {@code CREATE_NEW}, and a clash that still happens moves on to the next counter.
 *
 * <p>Thread contract: stateless but for the file counter, any thread, lock-free.
 */
public final class RunNames {
    /** The log folder used when none is given. */
    public static final Path DEFAULT_LOGDIR = Path.of("runs");
    /** What TensorBoard looks for in a file name. */
    public static final String EVENT_FILE_MARKER = "tfevents";
    /** Prefix of trial sub-run folder names. */
    public static final String TRIAL_PREFIX = "trial-";
    /**
     * The event file of a log folder's root run that holds its declared sweep (its
     * {@code _hparams_/experiment}); fixed, so that exactly one process creates it, and sorting
     * before every timestamped event file.
     */
    public static final String SWEEP_FILE = "events.out.tfevents.0000000000.sweep";
    /** The folder beside the runs that holds each run's self-metrics run, and the prefix of their tags. */
    public static final String SELF_METRICS_FOLDER = "tblog";
    /** The longest folder name, in bytes of UTF-8. */
    public static final int MAX_FOLDER_NAME_BYTES = 255;

    private static final String EVENT_FILE_PREFIX = "events.out.tfevents.";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ENGLISH);
    private static final AtomicInteger FILE_COUNTER = new AtomicInteger();
    private static final AtomicInteger EMBEDDING_COUNTER = new AtomicInteger();
    private static final String HOST = resolveHost();

    private RunNames() {
    }

    // ---- runs ----

    /** The run folder name for a logger created at {@code time}, e.g. {@code Apr22_12-11-22_machine}. */
    public static String defaultRunName(LocalDateTime time) {
        return timestamp(time) + '_' + HOST;
    }

    /** {@code time} as run names show it (English month, local time), e.g. {@code Apr22_12-11-22}. */
    public static String timestamp(LocalDateTime time) {
        return TIMESTAMP.format(time);
    }

    /**
     * The sub-run of one key of {@code addScalars(mainTag, ...)}: {@code <mainTag with '/' as '_'>_<key>},
     * as the Python writers name it, so that TensorBoard draws all keys on one chart.
     */
    public static String scalarsMember(String mainTag, String key) {
        return mainTag.replace('/', '_') + '_' + key;
    }

    /**
     * Where the k-th {@code addParameters} call of one logger puts its session: call 1 the run
     * folder itself (the session holds its own training scalars; no extra run), call k &ge; 2 the
     * sub-run {@code trial-NNNN} (k zero-padded to 4 digits so that runs sort in call order up to
     * 9999). See {@code docs/hparams-design.md}.
     *
     * @param call 1-based index of the call on this logger, &ge; 1
     * @return the folder relative to the run folder: {@code ""} for call 1, {@code "trial-0002"} for
     *     call 2, ..., {@code "trial-12345"} past 9999
     */
    public static String trialSubRun(int call) {
        if (call < 1) {
            throw new IllegalArgumentException("call index must be >= 1, got " + call);
        }
        return call == 1 ? "" : String.format("%s%04d", TRIAL_PREFIX, call);
    }

    /**
     * Where a run's self-metrics go: {@code <parent>/tblog/<run>}, beside the run rather than inside
     * it. TensorBoard's HPARAMS tab, when no sweep is declared, makes every scalar tag of a session
     * run and of the runs below it a metric column; a run beside the session is not below it, so
     * the {@code tblog/*} scalars stay in SCALARS (as the run {@code tblog/<run>}) without becoming
     * columns. Example: {@code runs/lr-0.01} has its self-metrics in {@code runs/tblog/lr-0.01}.
     */
    public static Path selfMetricsRun(Path runDir) {
        Path name = runDir.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("a run folder needs a name, got " + runDir);
        }
        return runDir.resolveSibling(SELF_METRICS_FOLDER).resolve(name);
    }

    /**
     * Why {@code name} cannot be one folder inside {@code parent}, or {@code null} when it can: a
     * name longer than {@value #MAX_FOLDER_NAME_BYTES} bytes in UTF-8 ({@code NAME_MAX} of Linux and
     * macOS file systems; Windows counts 255 UTF-16 units, never more than the UTF-8 bytes), or one
     * that this JVM cannot turn into a file name: its file names are encoded as
     * {@code sun.jnu.encoding}, which the locale sets, and under {@code LANG=C} that is ASCII.
     * Checked at the call that would make the folder, so that the consumer never meets it.
     */
    public static String folderNameProblem(Path parent, String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FOLDER_NAME_BYTES) {
            return "is " + bytes + " bytes long in UTF-8, and a folder name holds at most " + MAX_FOLDER_NAME_BYTES;
        }
        try {
            parent.resolve(name);
        } catch (InvalidPathException e) {
            return "cannot be a file name in this JVM, which encodes file names as "
                + System.getProperty("sun.jnu.encoding", "its platform charset")
                + " (the locale decides; run with a UTF-8 locale, e.g. LANG=C.UTF-8): " + e.getReason();
        }
        return null;
    }

    // ---- event files ----

    /** A fresh event file name for a file created now. */
    public static String nextEventFile(long epochSeconds) {
        return eventFile(epochSeconds, HOST, ProcessHandle.current().pid(), FILE_COUNTER.getAndIncrement());
    }

    /** The event file name for the given parts. */
    public static String eventFile(long epochSeconds, String host, long pid, int counter) {
        return EVENT_FILE_PREFIX + String.format("%010d", epochSeconds) + '.' + host + '.' + pid + '.'
            + String.format("%010d", counter);
    }

    // ---- the projector's files ----

    /**
     * The projector's folder in a run, relative to it: TensorBoard reads a
     * {@value #PROJECTOR_CONFIG} there (it wins over one in the run folder itself), and the paths in
     * it are relative to this folder and must stay inside it.
     */
    public static final String PROJECTOR_FOLDER = "plugins/org_tensorflow_tensorboard_projector";
    /** The projector's config, in {@link #PROJECTOR_FOLDER}. */
    public static final String PROJECTOR_CONFIG = "projector_config.pbtxt";
    /** The folder of one-call entries in {@link #PROJECTOR_FOLDER}, from which the config is rebuilt. */
    public static final String PROJECTOR_ENTRIES = "entries";
    /** Suffix of an entry file. */
    public static final String ENTRY_SUFFIX = ".pbtxt";
    /** An embedding's matrix as raw little-endian float32, in its call's folder. */
    public static final String EMBEDDING_TENSOR_BINARY = "tensor.bin";
    /** An embedding's matrix as text, tab-separated, when its binary form would read as text. */
    public static final String EMBEDDING_TENSOR_TSV = "tensor.tsv";
    /** An embedding's metadata, tab-separated, in its call's folder. */
    public static final String EMBEDDING_METADATA = "metadata.tsv";
    /** An embedding's thumbnails tiled into one PNG, in its call's folder. */
    public static final String EMBEDDING_SPRITE = "sprite.png";

    /**
     * A fresh name for one {@code addEmbedding} call's folder and entry,
     * {@code step-<10-digit step>.<host>.<pid>.<10-digit counter>}: unique across threads,
     * loggers, processes and hosts writing one run, and sorted by step (then writer, then call) for
     * steps from 0 to 9,999,999,999. A negative step is written with its sign.
     */
    public static String nextEmbedding(long step) {
        return "step-" + String.format("%010d", step) + '.' + HOST + '.' + ProcessHandle.current().pid() + '.'
            + String.format("%010d", EMBEDDING_COUNTER.getAndIncrement());
    }

    /**
     * The name the projector shows for one embedding: {@code <tag>:<step, zero-padded to 5 digits>},
     * as the Python writers name theirs, e.g. {@code Receptive fields:00400}.
     */
    public static String embeddingName(String tag, long step) {
        return tag + ':' + String.format("%05d", step);
    }

    /** Whether TensorBoard would read a file of this name. */
    public static boolean isEventFile(String fileName) {
        return fileName.contains(EVENT_FILE_MARKER);
    }

    /** The short host name in run and file names, characters unfit for a file name replaced by '_'. */
    public static String host() {
        return HOST;
    }

    private static String resolveHost() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
