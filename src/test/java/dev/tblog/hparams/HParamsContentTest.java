package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Value;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.SessionStartInfo;
import dev.tblog.proto.hparams.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HParamsContentTest {

    /** Hex with spaces and "quoted ASCII", as the format notes write bytes. */
    private static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int end = spec.indexOf('"', i + 1);
                out.writeBytes(spec.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(spec.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    private static final HParams GOLDEN = HParams.of(Map.of("lr", 0.1), Map.of("accuracy", 0.5));

    @Test
    void shouldMatchTheGoldenBytesInTheExperiment() {
        assertThat(HParamsContent.experiment(GOLDEN))
                .isEqualTo(bytes("12 16 22 06 0a 02 \"lr\" 20 03 2a 0c 0a 0a 12 08 \"accuracy\""));
    }

    @Test
    void shouldMatchTheGoldenBytesInTheSessionEnd() {
        assertThat(HParamsContent.sessionEnd()).isEqualTo(bytes("22 02 08 01"));
    }

    @Test
    void shouldMatchHandEncodedBytesInTheSessionStart() {
        // 1a 11                          session_start_info, 17 bytes
        //   0a 0f                        hparams entry, 15 bytes
        //     0a 02 "lr"                 key
        //     12 09 11 <0.1 as f64 LE>   value {number_value 0.1}
        assertThat(HParamsContent.sessionStart(GOLDEN))
                .isEqualTo(bytes("1a 11 0a 0f 0a 02 \"lr\" 12 09 11 9a 99 99 99 99 99 b9 3f"));
    }

    @Test
    void shouldRoundTripTypesTimeAndGroupInTheSessionStart() throws Exception {
        HParams hp = HParams.of(Map.of("lr", 0.01, "solver", "euler", "plastic", true), Map.of());
        HParamsPluginData d = HParamsPluginData.parseFrom(HParamsContent.sessionStart(hp, 1_795_725_812.5, "g1"));
        assertThat(d.getVersion()).isZero();
        assertThat(d.getDataCase()).isEqualTo(HParamsPluginData.DataCase.SESSION_START_INFO);
        SessionStartInfo s = d.getSessionStartInfo();
        assertThat(s.getStartTimeSecs()).isEqualTo(1_795_725_812.5);
        assertThat(s.getGroupName()).isEqualTo("g1");
        assertThat(s.getHparamsMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lr", Value.newBuilder().setNumberValue(0.01).build(),
                "solver", Value.newBuilder().setStringValue("euler").build(),
                "plastic", Value.newBuilder().setBoolValue(true).build()));
    }

    @Test
    void shouldLeaveTimeAndGroupOfTheSessionStartUnsetWhenAskedTo() throws Exception {
        SessionStartInfo s = HParamsPluginData.parseFrom(HParamsContent.sessionStart(GOLDEN, Double.NaN, ""))
                .getSessionStartInfo();
        assertThat(s.getStartTimeSecs()).isZero();
        assertThat(s.getGroupName()).isEmpty();
        assertThat(HParamsContent.sessionStart(GOLDEN, Double.NaN, null)).isEqualTo(HParamsContent.sessionStart(GOLDEN));
    }

    @Test
    void shouldCarryStatusAndOptionalTimeInTheSessionEnd() throws Exception {
        HParamsPluginData d = HParamsPluginData.parseFrom(HParamsContent.sessionEnd(Status.STATUS_FAILURE, 12.0));
        assertThat(d.getSessionEndInfo().getStatus()).isEqualTo(Status.STATUS_FAILURE);
        assertThat(d.getSessionEndInfo().getEndTimeSecs()).isEqualTo(12.0);
    }

    @Test
    void shouldRejectBadTimesAndStatus() {
        assertThatThrownBy(() -> HParamsContent.sessionStart(GOLDEN, -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startTimeSecs").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> HParamsContent.sessionEnd(Status.STATUS_SUCCESS, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endTimeSecs");
        assertThatThrownBy(() -> HParamsContent.sessionEnd(null, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HParamsContent.sessionEnd(Status.UNRECOGNIZED, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldListEveryHParamWithItsTypeAndEveryMetricInTheExperiment() throws Exception {
        HParams hp = HParams.of(Map.of("b", true, "s", "x", "n", 1), Map.of("m2", 1, "m1", 2));
        var e = HParamsPluginData.parseFrom(HParamsContent.experiment(hp)).getExperiment();
        assertThat(e.getHparamInfosList()).extracting(h -> h.getName() + ":" + h.getType())
                .containsExactly("b:DATA_TYPE_BOOL", "n:DATA_TYPE_FLOAT64", "s:DATA_TYPE_STRING");
        assertThat(e.getMetricInfosList()).extracting(m -> m.getName().getGroup() + "|" + m.getName().getTag())
                .containsExactly("|m1", "|m2");
    }
}
