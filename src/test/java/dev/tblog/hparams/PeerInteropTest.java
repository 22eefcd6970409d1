package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Value;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.hparams.DataType;
import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.SessionStartInfo;
import dev.tblog.text.TextSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our summaries for the peer's calls have the peer's plugin names, tags and message shapes; the
 * only intended differences are {@code plastic} typed BOOL (the peer's FLOAT64 is its known bug)
 * and the null tensor we put as value of the three hparams summaries.
 */
class PeerInteropTest {

    private static final HParams PEER_CALL = HParams.of(
            Map.of("learning_rate", 0.01, "tau", 10.0, "solver", "euler", "plastic", true),
            Map.of("accuracy", 0.91, "error", 0.09));

    private static Map<String, Summary.Value> peerHpValuesByTag() {
        List<Event> events = PeerFiles.readEvents(PeerFiles.HP_FILE_BYTES);
        assertThat(events).hasSize(6);
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        Map<String, Summary.Value> byTag = new LinkedHashMap<>();
        for (Event e : events.subList(1, events.size())) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                byTag.put(v.getTag(), v);
            }
        }
        return byTag;
    }

    private static HParamsPluginData content(Summary.Value v) throws IOException {
        return HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent());
    }

    @Test
    void shouldMatchTheFormatNotesCheckValueInTheMaskedCrcHelper() {
        byte[] text = "CRC test, one two".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[2 + text.length];
        data[0] = 0x1a;
        data[1] = 0x11;
        System.arraycopy(text, 0, data, 2, text.length);
        assertThat(PeerFiles.maskedCrc(data, 0, data.length)).isEqualTo(0x5794d08a);
    }

    @Test
    void shouldEmbedPeerBytesEqualToTheSharedFiles() throws IOException {
        assertThat(PeerFiles.readPeerFile(PeerFiles.HP_FILE)).isEqualTo(PeerFiles.HP_FILE_BYTES);
        byte[] main = PeerFiles.readPeerFile(PeerFiles.MAIN_FILE);
        List<Event> events = PeerFiles.readEvents(main);
        Event peerText = events.stream()
                .filter(e -> e.getSummary().getValueList().stream().anyMatch(v -> v.getTag().equals("Notes/text_summary")))
                .findFirst().orElseThrow();
        assertThat(PeerFiles.readEvents(PeerFiles.TEXT_RECORD_BYTES)).containsExactly(peerText);
    }

    @Test
    void shouldWriteThePeersTagsAndPluginName() {
        Map<String, Summary.Value> peer = peerHpValuesByTag();
        List<Summary.Value> ours = List.of(HParamsSummaries.experiment(PEER_CALL),
                HParamsSummaries.sessionStart(PEER_CALL), HParamsSummaries.sessionEnd());
        assertThat(ours).extracting(Summary.Value::getTag)
                .containsExactly("_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info");
        for (Summary.Value v : ours) {
            Summary.Value p = peer.get(v.getTag());
            assertThat(p).as(v.getTag()).isNotNull();
            assertThat(v.getMetadata().getPluginData().getPluginName())
                    .isEqualTo(p.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
            // Same metadata fields set apart from the content (no display name, no data class).
            assertThat(v.getMetadata().toBuilder().clearPluginData().build())
                    .isEqualTo(p.getMetadata().toBuilder().clearPluginData().build());
            // Deliberate difference: the peer writes no value, we write TensorBoard's null tensor.
            assertThat(p.getValueCase()).isEqualTo(Summary.Value.ValueCase.VALUE_NOT_SET);
            assertThat(v.getValueCase()).isEqualTo(Summary.Value.ValueCase.TENSOR);
        }
    }

    @Test
    void shouldEqualThePeersExperimentExceptThatPlasticIsBool() throws IOException {
        Experiment peer = content(peerHpValuesByTag().get("_hparams_/experiment")).getExperiment();
        Experiment ours = content(HParamsSummaries.experiment(PEER_CALL)).getExperiment();

        HParamInfo peerPlastic = peer.getHparamInfosList().stream()
                .filter(h -> h.getName().equals("plastic")).findFirst().orElseThrow();
        assertThat(peerPlastic.getType()).as("the peer's known bug").isEqualTo(DataType.DATA_TYPE_FLOAT64);

        Experiment peerFixed = peer.toBuilder().clearHparamInfos()
                .addAllHparamInfos(peer.getHparamInfosList().stream()
                        .map(h -> h.getName().equals("plastic") ? h.toBuilder().setType(DataType.DATA_TYPE_BOOL).build() : h)
                        .sorted(Comparator.comparing(HParamInfo::getName))
                        .collect(Collectors.toList()))
                .build();
        assertThat(ours).isEqualTo(peerFixed);
        assertThat(ours.getHparamInfosList()).extracting(HParamInfo::getName)
                .containsExactly("learning_rate", "plastic", "solver", "tau");
    }

    @Test
    void shouldEqualThePeersSessionStartExceptThatPlasticIsBool() throws IOException {
        HParamsPluginData peerData = content(peerHpValuesByTag().get("_hparams_/session_start_info"));
        HParamsPluginData oursData = content(HParamsSummaries.sessionStart(PEER_CALL));
        assertThat(oursData.getVersion()).isEqualTo(peerData.getVersion()).isZero();

        SessionStartInfo peer = peerData.getSessionStartInfo();
        assertThat(peer.getHparamsMap().get("plastic")).isEqualTo(Value.newBuilder().setNumberValue(1.0).build());
        SessionStartInfo peerFixed = peer.toBuilder()
                .putHparams("plastic", Value.newBuilder().setBoolValue(true).build()).build();
        assertThat(oursData.getSessionStartInfo()).isEqualTo(peerFixed);
    }

    @Test
    void shouldBeByteIdenticalToThePeersSessionEnd() {
        Summary.Value peer = peerHpValuesByTag().get("_hparams_/session_end_info");
        assertThat(HParamsSummaries.sessionEnd().getMetadata().getPluginData().getContent())
                .isEqualTo(peer.getMetadata().getPluginData().getContent());
    }

    @Test
    void shouldEqualThePeersMetricScalars() {
        Map<String, Summary.Value> peer = peerHpValuesByTag();
        assertThat(HParamsSummaries.metrics(PEER_CALL)).containsExactly(peer.get("accuracy"), peer.get("error"));
    }

    @Test
    void shouldEqualThePeersTextValue() {
        Event peerEvent = PeerFiles.readEvents(PeerFiles.TEXT_RECORD_BYTES).get(0);
        Summary.Value peer = peerEvent.getSummary().getValue(0);
        assertThat(peer.getTag()).isEqualTo("Notes/text_summary");
        assertThat(TextSummary.value("Notes", "hello *tensorboard*")).isEqualTo(peer);
    }
}
