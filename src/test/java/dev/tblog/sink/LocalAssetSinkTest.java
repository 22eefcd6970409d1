package dev.tblog.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local assets: a write creates the folders and replaces the file whole; a reader racing many
 * rewrites only ever sees a complete version; no temporary file is left; a missing folder lists
 * empty.
 */
class LocalAssetSinkTest {
    @TempDir
    Path root;

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldCreateTheFoldersAndReplaceTheFileWhole() throws IOException {
        Path file = root.resolve("a/b/config.pbtxt");
        AssetSink.LOCAL_FILES.writeAtomically(file, text("first, and longer"), true);
        AssetSink.LOCAL_FILES.writeAtomically(file, text("second"), false);
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(AssetSink.LOCAL_FILES.list(root.resolve("a/b"))).containsExactly("config.pbtxt");
        assertThat(AssetSink.LOCAL_FILES.read(file)).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(AssetSink.LOCAL_FILES.list(root.resolve("missing"))).isEmpty();
    }

    @Test
    void shouldNeverShowAReaderAPartOfAFile() throws Exception {
        Path file = root.resolve("config.pbtxt");
        String big = "x".repeat(1 << 20);
        String small = "y".repeat(10);
        AssetSink.LOCAL_FILES.writeAtomically(file, text(big), false);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<Integer>> reader = pool.submit(() -> {
            List<Integer> seen = new ArrayList<>();
            while (!stop.get()) {
                seen.add(Files.readAllBytes(file).length);
            }
            return seen;
        });
        for (int i = 0; i < 200; i++) {
            AssetSink.LOCAL_FILES.writeAtomically(file, text(i % 2 == 0 ? small : big), false);
        }
        stop.set(true);
        List<Integer> seen = reader.get();
        pool.shutdown();
        assertThat(seen).isNotEmpty().allMatch(n -> n == big.length() || n == small.length());
        assertThat(AssetSink.LOCAL_FILES.list(root)).containsExactly("config.pbtxt");
    }
}
