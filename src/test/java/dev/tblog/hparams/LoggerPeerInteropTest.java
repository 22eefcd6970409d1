package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Value;
import dev.tblog.Logger;
import dev.tblog.TestEvents;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.SessionStartInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the LOGGER writes for the peer's {@code add_hparams} call and {@code add_text} call has the
 * peer's plugin names, tags and message shapes. Intended differences: {@code plastic} typed BOOL
 * (the peer's FLOAT64 is its bug), no {@code _hparams_/experiment} (TensorBoard builds the union of
 * the sessions instead), the null tensor as value of the hparams summaries, and the session in the
 * run itself rather than in a timestamp sub-run.
 */
class LoggerPeerInteropTest {

    @TempDir
    Path logdir;

    private Logger logger() {
        return Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    private static Map<String, Event> byTag(List<Event> events) {
        Map<String, Event> byTag = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.hasSummary()) {
                for (Summary.Value v : e.getSummary().getValueList()) {
                    byTag.put(v.getTag(), e);
                }
            }
        }
        return byTag;
    }

    private static Summary.Value value(Event e) {
        assertThat(e.getSummary().getValueCount()).isEqualTo(1);
        return e.getSummary().getValue(0);
    }

    private static HParamsPluginData content(Event e) throws IOException {
        return HParamsPluginData.parseFrom(value(e).getMetadata().getPluginData().getContent());
    }

    @Test
    void shouldWriteThePeersSummariesWithPlasticAsBoolFromAddParameters() throws IOException {
        try (Logger log = logger()) {
            log.addParameters(Map.of("learning_rate", 0.01, "tau", 10.0, "solver", "euler", "plastic", true),
                Map.of("accuracy", 0.91, "error", 0.09));
        }
        Map<String, Event> peer = byTag(PeerFiles.readEvents(PeerFiles.HP_FILE_BYTES));
        Map<String, Event> ours = byTag(TestEvents.read(logdir.resolve("run")));

        assertThat(peer.keySet()).containsExactlyInAnyOrder("_hparams_/experiment", "_hparams_/session_start_info",
            "_hparams_/session_end_info", "accuracy", "error");
        assertThat(ours.keySet()).containsExactly("_hparams_/session_start_info", "_hparams_/session_end_info",
            "accuracy", "error");

        for (String tag : List.of("_hparams_/session_start_info", "_hparams_/session_end_info")) {
            Summary.Value p = value(peer.get(tag));
            Summary.Value o = value(ours.get(tag));
            assertThat(o.getMetadata().getPluginData().getPluginName())
                .isEqualTo(p.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
            assertThat(o.getMetadata().toBuilder().clearPluginData().build())
                .isEqualTo(p.getMetadata().toBuilder().clearPluginData().build());
            assertThat(o.getValueCase()).isEqualTo(Summary.Value.ValueCase.TENSOR);
            assertThat(ours.get(tag).getStep()).isEqualTo(peer.get(tag).getStep());
        }

        SessionStartInfo peerStart = content(peer.get("_hparams_/session_start_info")).getSessionStartInfo();
        SessionStartInfo peerFixed = peerStart.toBuilder()
            .putHparams("plastic", Value.newBuilder().setBoolValue(true).build()).build();
        assertThat(content(ours.get("_hparams_/session_start_info")).getSessionStartInfo()).isEqualTo(peerFixed);

        ByteString peerEnd = value(peer.get("_hparams_/session_end_info")).getMetadata().getPluginData().getContent();
        assertThat(value(ours.get("_hparams_/session_end_info")).getMetadata().getPluginData().getContent())
            .isEqualTo(peerEnd);

        for (String metric : List.of("accuracy", "error")) {
            assertThat(value(ours.get(metric))).as(metric).isEqualTo(value(peer.get(metric)));
            assertThat(ours.get(metric).getStep()).isEqualTo(peer.get(metric).getStep());
        }
    }

    @Test
    void shouldWriteTheGoldenSessionBytesForTheGoldenCall() throws IOException {
        try (Logger log = logger()) {
            log.addParameters(Map.of("lr", 0.1), Map.of("accuracy", 0.5));
        }
        Map<String, Event> ours = byTag(TestEvents.read(logdir.resolve("run")));
        // Format notes §3: session_end_info content 22 02 08 01.
        assertThat(value(ours.get("_hparams_/session_end_info")).getMetadata().getPluginData().getContent()
            .toByteArray()).containsExactly(0x22, 0x02, 0x08, 0x01);
        // 1a 11 { 0a 0f { 0a 02 "lr", 12 09 { 11 <0.1 as f64 LE> } } }
        assertThat(value(ours.get("_hparams_/session_start_info")).getMetadata().getPluginData().getContent()
            .toByteArray()).containsExactly(0x1a, 0x11, 0x0a, 0x0f, 0x0a, 0x02, 'l', 'r', 0x12, 0x09, 0x11,
                0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f);
        // The null tensor: 42 06 { 08 01 (DT_FLOAT), 12 02 { 12 00 (dim { size 0 }) } }.
        assertThat(value(ours.get("_hparams_/session_start_info")).getTensor().toByteArray())
            .containsExactly(0x08, 0x01, 0x12, 0x02, 0x12, 0x00);
    }

    @Test
    void shouldWriteThePeersValueFromAddText() {
        Event peer = PeerFiles.readEvents(PeerFiles.TEXT_RECORD_BYTES).get(0);
        try (Logger log = logger()) {
            log.addText("Notes", "hello *tensorboard*", peer.getStep());
        }
        Event ours = byTag(TestEvents.read(logdir.resolve("run"))).get("Notes/text_summary");
        assertThat(ours.getStep()).isEqualTo(peer.getStep());
        assertThat(value(ours)).isEqualTo(value(peer));
    }
}
