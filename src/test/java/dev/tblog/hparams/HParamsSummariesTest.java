package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import dev.tblog.proto.hparams.HParamsPluginData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HParamsSummariesTest {

    private static final HParams HP = HParams.of(Map.of("lr", 0.1), Map.of("loss", 0.25, "accuracy", 0.91));

    @Test
    void shouldCarryPluginContentAndTheNullTensorInEachHParamsValue() throws Exception {
        Summary.Value[] values = {HParamsSummaries.experiment(HP), HParamsSummaries.sessionStart(HP),
                HParamsSummaries.sessionEnd()};
        HParamsPluginData.DataCase[] cases = {HParamsPluginData.DataCase.EXPERIMENT,
                HParamsPluginData.DataCase.SESSION_START_INFO, HParamsPluginData.DataCase.SESSION_END_INFO};
        for (int i = 0; i < values.length; i++) {
            Summary.Value v = Summary.Value.parseFrom(values[i].toByteArray());
            assertThat(v.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
            assertThat(HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent()).getDataCase())
                    .isEqualTo(cases[i]);
            assertThat(v.getTensor().getDtype()).isEqualTo(DataType.DT_FLOAT);
            assertThat(v.getTensor().getTensorShape().getDimList()).singleElement()
                    .satisfies(d -> assertThat(d.getSize()).isZero());
            assertThat(v.getTensor().getFloatValCount()).isZero();
            assertThat(v.getTensor().getTensorContent().isEmpty()).isTrue();
        }
    }

    @Test
    void shouldPutTheNullTensorInSixBytesOnTheWire() {
        // 08 01 (dtype DT_FLOAT) 12 02 12 00 (shape {dim {}}): TensorBoard's NULL_TENSOR.
        assertThat(HParamsSummaries.NULL_TENSOR.toByteArray()).containsExactly(0x08, 0x01, 0x12, 0x02, 0x12, 0x00);
    }

    @Test
    void shouldMakeMetricsFloatScalarsInKeyOrder() {
        assertThat(HParamsSummaries.metrics(HP)).containsExactly(
                Summary.Value.newBuilder().setTag("accuracy").setSimpleValue(0.91f).build(),
                Summary.Value.newBuilder().setTag("loss").setSimpleValue(0.25f).build());
    }

    @Test
    void shouldKeepANanMetricNaN() {
        HParams hp = HParams.of(Map.of(), Map.of("loss", Double.NaN));
        assertThat(HParamsSummaries.metrics(hp).get(0).getSimpleValue()).isNaN();
    }
}
