package dev.tblog.projector;

import com.google.protobuf.TextFormat;
import dev.tblog.encode.RunAssets;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.sink.AssetSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared config: rebuilt from every entry in the folder (other writers' included), entries of
 * one name told apart, unreadable ones left out; and the race: another writer's entry and stale
 * config landing between our config write and our second listing are mended by one more rebuild.
 */
class ProjectorConfigFileTest {
    private static final String FOLDER = "plugins/org_tensorflow_tensorboard_projector";

    @TempDir
    Path run;

    private static EmbeddingInfo entry(String name) {
        return EmbeddingInfo.newBuilder().setTensorName(name).addTensorShape(3).addTensorShape(2)
            .setTensorPath(name + "/tensor.bin").build();
    }

    private ProjectorConfig config() throws IOException {
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        TextFormat.merge(Files.readString(run.resolve(FOLDER).resolve("projector_config.pbtxt")), config);
        return config.build();
    }

    private List<String> names() throws IOException {
        return config().getEmbeddingsList().stream().map(EmbeddingInfo::getTensorName).toList();
    }

    private void foreignEntry(String file, String text) throws IOException {
        Path entries = Files.createDirectories(run.resolve(FOLDER).resolve("entries"));
        Files.writeString(entries.resolve(file), text);
    }

    @Test
    void shouldListEveryEntryInNameOrderOthersIncluded() throws IOException {
        foreignEntry("step-0000000005.other.1.0000000000.pbtxt", TextFormat.printer().printToString(entry("theirs:00005")));
        ProjectorConfigFile config = new ProjectorConfigFile();
        RunAssets assets = new RunAssets(run, AssetSink.LOCAL_FILES, false);
        config.add(assets, "step-0000000001.here.2.0000000000", entry("mine:00001"));
        config.add(assets, "step-0000000009.here.2.0000000001", entry("mine:00009"));
        assertThat(names()).containsExactly("mine:00001", "theirs:00005", "mine:00009");
        assertThat(config.rebuilds()).isEqualTo(2);
    }

    @Test
    void shouldTellApartEntriesOfOneNameAndLeaveOutUnreadableOnes() throws IOException {
        foreignEntry("a.pbtxt", TextFormat.printer().printToString(entry("x:00001")));
        foreignEntry("b.pbtxt", "this is { not an EmbeddingInfo");
        foreignEntry(".c.pbtxt.tmp.1.2.3", "a write in progress");
        ProjectorConfigFile config = new ProjectorConfigFile();
        config.add(new RunAssets(run, AssetSink.LOCAL_FILES, false), "c", entry("x:00001"));
        assertThat(names()).containsExactly("x:00001", "x:00001 (2)");
    }

    @Test
    void shouldRebuildWhenAnotherWriterRacedBetweenItsWriteAndItsSecondListing() throws IOException {
        // The other writer's entry and its stale config (without ours) land right after our config.
        AssetSink racing = new AssetSink() {
            private boolean raced;

            @Override
            public void writeAtomically(Path file, ByteBuffer content, boolean force) throws IOException {
                AssetSink.LOCAL_FILES.writeAtomically(file, content, force);
                if (!raced && file.getFileName().toString().equals("projector_config.pbtxt")) {
                    raced = true;
                    foreignEntry("z-other.pbtxt", TextFormat.printer().printToString(entry("theirs:00002")));
                    String stale = TextFormat.printer().printToString(
                        ProjectorConfig.newBuilder().addEmbeddings(entry("theirs:00002")).build());
                    AssetSink.LOCAL_FILES.writeAtomically(file, ByteBuffer.wrap(stale.getBytes(StandardCharsets.UTF_8)),
                        force);
                }
            }

            @Override
            public List<String> list(Path folder) throws IOException {
                return AssetSink.LOCAL_FILES.list(folder);
            }

            @Override
            public byte[] read(Path file) throws IOException {
                return AssetSink.LOCAL_FILES.read(file);
            }
        };
        ProjectorConfigFile config = new ProjectorConfigFile();
        config.add(new RunAssets(run, racing, false), "a-mine", entry("mine:00001"));
        assertThat(names()).containsExactly("mine:00001", "theirs:00002");
        assertThat(config.rebuilds()).isEqualTo(2);
    }
}
