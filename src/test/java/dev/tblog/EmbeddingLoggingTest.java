package dev.tblog;

import com.google.protobuf.TextFormat;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.sink.AssetSink;
import dev.tblog.sink.EventSink;
import dev.tblog.sink.EventSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code addEmbedding} round trip, read back with the generated classes: the projector folder's
 * config names each call {@code tag:step} with its shape and paths relative to the folder; the
 * files hold what was logged, copied during the call; every file goes through the storage's asset
 * sink, and a sink that fails moves the logger to its failed state like any storage failure.
 */
class EmbeddingLoggingTest {
    @TempDir
    Path root;

    private Logger logger(EventSinkFactory sinks) {
        return Logger.builder().logdir(root).experiment("run").sinkFactory(sinks).set("shutdownHook.enabled", "false")
            .build();
    }

    private Path folder(Logger log) {
        return log.runDir().resolve("plugins/org_tensorflow_tensorboard_projector");
    }

    private ProjectorConfig config(Logger log) throws IOException {
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        TextFormat.merge(Files.readString(folder(log).resolve("projector_config.pbtxt")), config);
        return config.build();
    }

    @Test
    void shouldWriteTheTensorMetadataAndSpriteNamedInTheConfig() throws Exception {
        float[] data = {0.1f, -0.7f, 3.25f, 9.5f, -1e-3f, 42.42f};
        float[] thumbnails = {0, 1, 1, 0, 0.5f, 0.5f, 0.5f, 0.5f, 1, 1, 1, 1}; // 3 of 2x2
        Logger log = logger(EventSinkFactory.LOCAL_FILES);
        log.addEmbedding("Units", Embedding.of(data, 3, 2).labels(List.of("a", 7, 'c'))
            .thumbnails(Images.gray(thumbnails, 3, 2, 2)), 12);
        data[0] = 99; // copied during the call
        log.close();

        ProjectorConfig config = config(log);
        assertThat(config.getEmbeddingsCount()).isEqualTo(1);
        EmbeddingInfo e = config.getEmbeddings(0);
        assertThat(e.getTensorName()).isEqualTo("Units:00012");
        assertThat(e.getTensorShapeList()).containsExactly(3, 2);
        float[] read = new float[6];
        ByteBuffer.wrap(Files.readAllBytes(folder(log).resolve(e.getTensorPath()))).order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer().get(read);
        assertThat(read).containsExactly(0.1f, -0.7f, 3.25f, 9.5f, -1e-3f, 42.42f);
        assertThat(Files.readString(folder(log).resolve(e.getMetadataPath()))).isEqualTo("a\n7\nc\n");
        assertThat(e.getSprite().getSingleImageDimList()).containsExactly(2, 2);
        BufferedImage sprite = ImageIO.read(folder(log).resolve(e.getSprite().getImagePath()).toFile());
        assertThat(sprite.getWidth()).isEqualTo(4);  // 2 x 2 cells for 3 thumbnails
        assertThat(sprite.getHeight()).isEqualTo(4);
        assertThat(sprite.getRaster().getSample(1, 0, 0)).isEqualTo(255); // thumbnail 0, pixel (0, 1)
        assertThat(sprite.getRaster().getSample(2, 0, 0)).isEqualTo(127); // thumbnail 1: 0.5 -> 127
        assertThat(sprite.getRaster().getSample(3, 3, 0)).isZero();       // the empty fourth cell
        assertThat(log.stats().written()).isEqualTo(1);
        assertThat(log.stats().pendingPayloadBytes()).isZero();
    }

    @Test
    void shouldKeepEveryTagAndStepOfOneRunInTheConfig() throws Exception {
        Logger log = logger(EventSinkFactory.LOCAL_FILES);
        for (int step = 0; step < 5; step++) {
            log.addEmbedding("a", Embedding.of(new double[] {step + 0.1, 2.3}, 1, 2), step * 10L);
            log.addEmbedding("b", Embedding.of(new double[] {step + 0.7, 2.9}, 2, 1));
        }
        log.close();
        assertThat(config(log).getEmbeddingsList()).extracting(EmbeddingInfo::getTensorName).containsExactly(
            "a:00000", "b:00000", "b:00001", "b:00002", "b:00003", "b:00004", "a:00010", "a:00020", "a:00030", "a:00040");
    }

    @Test
    void shouldWriteEveryFileThroughTheStoragesAssetSink() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        EventSinkFactory sinks = new EventSinkFactory() {
            @Override
            public EventSink create(Path runDir, String fileName) throws IOException {
                return EventSinkFactory.LOCAL_FILES.create(runDir, fileName);
            }

            @Override
            public AssetSink assetSink() {
                return new CountingAssetSink(writes, false);
            }
        };
        Logger log = logger(sinks);
        log.addEmbedding("e", Embedding.of(new float[] {1.5f, -2.5f}, 1, 2).labels(List.of("x"))
            .thumbnails(Images.gray(new byte[4], 1, 2, 2)), 0);
        log.close();
        assertThat(writes.get()).as("tensor, metadata, sprite, entry, config").isEqualTo(5);
    }

    @Test
    void shouldFailTheLoggerWhenTheAssetSinkFails() {
        EventSinkFactory sinks = new EventSinkFactory() {
            @Override
            public EventSink create(Path runDir, String fileName) throws IOException {
                return EventSinkFactory.LOCAL_FILES.create(runDir, fileName);
            }

            @Override
            public AssetSink assetSink() {
                return new CountingAssetSink(new AtomicInteger(), true);
            }
        };
        List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger log = Logger.builder().logdir(root).experiment("run").sinkFactory(sinks).errorHandler(reported::add)
            .set("shutdownHook.enabled", "false").build();
        log.addEmbedding("e", Embedding.of(new float[] {1.5f, -2.5f}, 1, 2), 0);
        assertThatThrownBy(log::flush).isInstanceOf(LoggerFailedException.class).hasMessageContaining("No space left");
        assertThat(log.stats().failures()).isPositive();
        assertThat(reported).hasSize(1);
        assertThatThrownBy(log::close).isInstanceOf(LoggerFailedException.class);
    }

    /** Local files, counting writes; failing each write as a full disk would, when asked. */
    private static final class CountingAssetSink implements AssetSink {
        private final AtomicInteger writes;
        private final boolean fail;

        CountingAssetSink(AtomicInteger writes, boolean fail) {
            this.writes = writes;
            this.fail = fail;
        }

        @Override
        public void writeAtomically(Path file, ByteBuffer content, boolean force) throws IOException {
            writes.incrementAndGet();
            if (fail) {
                throw new IOException("No space left on device");
            }
            AssetSink.LOCAL_FILES.writeAtomically(file, content, force);
        }

        @Override
        public List<String> list(Path folder) throws IOException {
            return AssetSink.LOCAL_FILES.list(folder);
        }

        @Override
        public byte[] read(Path file) throws IOException {
            return AssetSink.LOCAL_FILES.read(file);
        }
    }
}
