package dev.tblog.tensorboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * TensorBoard 2.21's own backend serving one log folder, for tests that prove what TensorBoard
 * shows: started over a folder once per test class, queried through the HTTP API its web page uses
 * ({@code /data/runs}, {@code /data/plugin/<plugin>/<route>}), always stopped.
 *
 * <p>Register it as a static extension with the code that writes the log folder; it then, before
 * the class's first test: finds {@code shared/tools/tensorboard/serve.sh} in the nearest parent
 * folder that holds {@code shared/}, writes the logs into a fresh temporary folder, starts the
 * backend over it on a free loopback port in 21000-21999 (or 1000 ports from
 * {@code -Dtensorboard.backend.firstPort}) and waits until the whole folder is loaded (a few
 * seconds). After the class it kills the server and deletes the folder. A new
 * dashboard test is a few lines:
 *
 * <pre>{@code
 * class LossDashboardTest {
 *     @RegisterExtension
 *     static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(logdir -> {
 *         try (Logger log = LogCalls.logger(logdir, "run-1")) {
 *             LogCalls.scalar(log, "loss", 0.25, 7);
 *         }
 *     });
 *
 *     @Test
 *     void shouldShowTheLossAtItsStep() {
 *         JsonNode points = tensorBoard.get("/data/plugin/scalars/scalars", "run", "run-1", "tag", "loss");
 *         assertThat(points.get(0).get(1).asLong()).isEqualTo(7);            // [wall_time, step, value]
 *         assertThat(TensorBoardBackend.number(points.get(0).get(2))).isEqualTo(0.25);
 *     }
 * }
 * }</pre>
 * Compiled, complete examples: {@link TextDashboardTest} (the smallest), {@link ScalarsDashboardTest}.
 * Keep every call to tblog's API in {@link LogCalls}, so an API change is ported in one place.
 *
 * <p>Outcomes: no {@code shared/} in any parent, or serve.sh exiting 3 (its bundle or Debian packages
 * cannot be had), <b>skips</b> each test of the class with the reason (also printed once on standard
 * error); any other failure to start <b>fails</b> it
 * with serve.sh's standard error. The server is killed in {@code afterAll}, by {@link #close()}, and
 * at the latest by a JVM shutdown hook. {@link #start(Path)} gives the same server without the
 * extension, for try-with-resources.
 *
 * <p>Plugin routes and their JSON: {@code tensorboard/plugins/<name>/<name>_plugin.py} in the
 * bundle ({@code get_plugin_apps}). TensorBoard writes NaN and infinities as the strings "NaN",
 * "Infinity", "-Infinity": read numbers with {@link #number(JsonNode)}.
 *
 * <p>Thread contract: start and stop on the test framework's thread; {@code get}/{@code post} from
 * any thread (the HTTP client is thread-safe).
 */
public final class TensorBoardBackend implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
    /** Writes the log folder the backend will serve. */
    @FunctionalInterface
    public interface LogFolderWriter {
        void write(Path logdir) throws Exception;
    }

    /** Ports tried: 1000 from 21000, or from {@code -Dtensorboard.backend.firstPort} (helpers sharing a machine). */
    private static final int FIRST_PORT = Integer.getInteger("tensorboard.backend.firstPort", 21000);
    private static final int PORTS = 1000;
    private static final int START_ATTEMPTS = 4;
    /** serve.sh may install Debian packages on its first run on a machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogFolderWriter writer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path logdir;
    private boolean ownsLogdir;
    private int port;
    private long pid;
    private Instant startedAt;
    private Thread shutdownHook;
    /** Why this class's tests skip; each test is reported skipped with it (Surefire shows no class-level skip). */
    private String skipReason;

    private TensorBoardBackend(LogFolderWriter writer) {
        this.writer = writer;
    }

    /** An extension that writes a fresh log folder with {@code writer}, then serves it, for one test class. */
    public static TensorBoardBackend serving(LogFolderWriter writer) {
        return new TensorBoardBackend(writer);
    }

    /**
     * Serves {@code logdir} until {@link #close()}; aborts the calling test (skip) when the backend
     * cannot be had here, fails it when the backend does not start.
     */
    public static TensorBoardBackend start(Path logdir) {
        return start(locateScript(), logdir);
    }

    /** {@link #start(Path)} with a given launcher script (taking {@code LOGDIR PORT}, as serve.sh). */
    static TensorBoardBackend start(Path script, Path logdir) {
        TensorBoardBackend backend = new TensorBoardBackend(null);
        backend.serve(script, logdir.toAbsolutePath());
        return backend;
    }

    /** The server's pid, 0 when stopped. */
    long pid() {
        return pid;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            Path script = locateScript(); // skip before spending time on the logs
            logdir = Files.createTempDirectory("tblog-tensorboard-");
            ownsLogdir = true;
            writer.write(logdir);
            serve(script, logdir);
        } catch (TestAbortedException e) {
            skipReason = e.getMessage();
            System.err.println(context.getDisplayName() + " skipped: " + skipReason);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        if (ownsLogdir && logdir != null) {
            try (Stream<Path> paths = Files.walk(logdir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The folder being served. */
    public Path logdir() {
        return logdir;
    }

    /** {@code GET route?name=value&...} (names and values URL-encoded here), parsed as JSON. */
    public JsonNode get(String route, String... nameValuePairs) {
        return json(send(HttpRequest.newBuilder(uri(route + query(nameValuePairs))).GET()));
    }

    /** {@code GET routeAndQuery} as given (e.g. an image's {@code query} from the images route), raw bytes. */
    public byte[] getBytes(String routeAndQuery) {
        return send(HttpRequest.newBuilder(uri(routeAndQuery)).GET());
    }

    /** {@code POST route} with {@code body} as JSON (a Map, a record, a JsonNode), the answer parsed. */
    public JsonNode post(String route, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
        return json(send(HttpRequest.newBuilder(uri(route)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text))));
    }

    /** {@code POST route} with a form body ({@code name=value&...}, names may repeat), the answer parsed. */
    public JsonNode postForm(String route, String... nameValuePairs) {
        return json(send(HttpRequest.newBuilder(uri(route))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(query(nameValuePairs).substring(1)))));
    }

    /** A number from TensorBoard's JSON, which writes NaN and infinities as strings. */
    public static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return switch (node.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new AssertionError("not a number in TensorBoard's JSON: " + node);
        };
    }

    /** Kills the server (idempotent); the log folder stays. */
    @Override
    public void close() {
        if (pid == 0) {
            return;
        }
        stopServer(pid, port);
        deleteServeLog();
        pid = 0;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills the same pid, harmlessly
        }
    }

    @Override
    public String toString() {
        return "TensorBoardBackend[" + logdir + (pid == 0 ? ", stopped" : " on 127.0.0.1:" + port + ", pid " + pid) + "]";
    }

    private static Path locateScript() {
        Optional<Path> script = ServeScript.find();
        if (script.isEmpty()) {
            Assumptions.abort("TensorBoard backend not found (" + ServeScript.searched()
                + "): shared/ is not beside this checkout, so the TensorBoard tests are skipped");
        }
        return script.get();
    }

    private void serve(Path script, Path folder) {
        this.logdir = folder;
        String failures = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int candidate = freePort();
            Instant before = Instant.now().minusSeconds(1);
            ServeScript.Outcome outcome;
            try {
                outcome = ServeScript.run(script, folder, candidate, START_TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + script, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting TensorBoard", e);
            }
            port = candidate;
            startedAt = before;
            if (outcome.exitCode() == ServeScript.UNAVAILABLE) {
                deleteServeLog();
                Assumptions.abort("TensorBoard backend unavailable on this machine (serve.sh exit 3): "
                    + outcome.stderr());
            }
            if (outcome.started()) {
                pid = outcome.pid();
                shutdownHook = new Thread(() -> stopServer(outcome.pid(), candidate), "tensorboard-backend-stop");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
                String servedFolder;
                try {
                    servedFolder = get("/data/environment").path("data_location").asText();
                } catch (RuntimeException | AssertionError e) {
                    close();
                    throw e;
                }
                if (servedFolder.equals(folder.toString())) {
                    return;
                }
                // Another server answered on this port before ours could bind it: try another port.
                failures += "port " + candidate + " answered for " + servedFolder + "; ";
                close();
                continue;
            }
            deleteServeLog();
            failures += "port " + candidate + ": exit " + outcome.exitCode() + ": " + outcome.stderr() + "; ";
            if (!outcome.stderr().contains("already in use")) {
                break;
            }
        }
        throw new AssertionError("TensorBoard did not start over " + folder + " (" + script + "): " + failures);
    }

    /** A port in 21000-21999 (or from the first port set) that binds on the loopback now (TensorBoard binds it a moment later). */
    private static int freePort() {
        int offset = ThreadLocalRandom.current().nextInt(PORTS);
        for (int i = 0; i < PORTS; i++) {
            int candidate = FIRST_PORT + (offset + i) % PORTS;
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // next one
            }
        }
        throw new AssertionError("no free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
    }

    /** SIGTERM, then SIGKILL after 10 s; only if the pid is still a TensorBoard on our port. */
    private static void stopServer(long serverPid, int serverPort) {
        Optional<ProcessHandle> handle = ProcessHandle.of(serverPid).filter(h -> isServer(h, serverPort));
        if (handle.isEmpty()) {
            return;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.get().destroyForcibly();
        } catch (InterruptedException e) {
            handle.get().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isServer(ProcessHandle handle, int serverPort) {
        // Without a command line to read, trust the pid: it was printed by serve.sh moments ago.
        return handle.info().commandLine()
            .map(line -> line.contains("tensorboard.main") && line.contains("--port " + serverPort))
            .orElse(true);
    }

    /** serve.sh leaves the server's output in /tmp/tensorboard-PORT.XXXX.log; remove ours. */
    private void deleteServeLog() {
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(Path.of("/tmp"), "tensorboard-" + port + ".*.log")) {
            for (Path log : logs) {
                if (Files.getLastModifiedTime(log).compareTo(FileTime.from(startedAt)) >= 0) {
                    Files.deleteIfExists(log);
                }
            }
        } catch (IOException e) {
            // a leftover log in /tmp is harmless
        }
    }

    private URI uri(String routeAndQuery) {
        return URI.create("http://127.0.0.1:" + port + routeAndQuery);
    }

    private static String query(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs, got " + nameValuePairs.length);
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            query.append(i == 0 ? '?' : '&')
                .append(URLEncoder.encode(nameValuePairs[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private byte[] send(HttpRequest.Builder request) {
        if (skipReason != null) {
            Assumptions.abort(skipReason); // e.g. from a @BeforeAll of a class whose backend could not be had
        }
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + built.uri(), e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8), e);
        }
    }
}
