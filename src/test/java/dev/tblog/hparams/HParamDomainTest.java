package dev.tblog.hparams;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import dev.tblog.proto.hparams.DataType;
import dev.tblog.proto.hparams.HParamInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each domain: what it accepts from addParameters (its type included), how it is stored, how messages show it. */
class HParamDomainTest {
    private static final HParamValue.Num HALF = new HParamValue.Num(0.5);

    private static HParamInfo info(HParamDomain domain) {
        HParamInfo.Builder info = HParamInfo.newBuilder().setName("k");
        domain.writeTo(info);
        return info.build();
    }

    @Test
    void shouldAcceptNumbersInsideAnIntervalBoundsIncluded() {
        HParamDomain interval = HParamDomain.interval(1e-4, 1.0);
        assertThat(interval.contains(new HParamValue.Num(1e-4))).isTrue();
        assertThat(interval.contains(HALF)).isTrue();
        assertThat(interval.contains(new HParamValue.Num(1.0))).isTrue();
        assertThat(interval.contains(new HParamValue.Num(1.0000001))).isFalse();
        assertThat(interval.contains(new HParamValue.Num(0.0))).isFalse();
        assertThat(interval.contains(new HParamValue.Str("0.5"))).as("a string is no number").isFalse();
        assertThat(interval.contains(new HParamValue.Bool(true))).isFalse();
        assertThat(HParamDomain.interval(2, 2).contains(new HParamValue.Num(2))).as("a one-point interval").isTrue();
    }

    @Test
    void shouldStoreAnIntervalAsFloat64WithItsBounds() {
        HParamInfo info = info(HParamDomain.interval(1e-4, 1.0));
        assertThat(info.getType()).isEqualTo(DataType.DATA_TYPE_FLOAT64);
        assertThat(info.getDomainCase()).isEqualTo(HParamInfo.DomainCase.DOMAIN_INTERVAL);
        assertThat(info.getDomainInterval().getMinValue()).isEqualTo(1e-4);
        assertThat(info.getDomainInterval().getMaxValue()).isEqualTo(1.0);
        assertThat(HParamDomain.interval(1e-4, 1.0)).hasToString("interval [1.0E-4, 1.0]");
    }

    @Test
    void shouldAcceptOnlyTheListedNumbersAndStoreThemInOrder() {
        HParamDomain batch = HParamDomain.numbers(64, 16, 32);
        assertThat(batch.contains(new HParamValue.Num(16))).isTrue();
        assertThat(batch.contains(new HParamValue.Num(24))).isFalse();
        assertThat(batch.contains(new HParamValue.Str("16"))).isFalse();
        assertThat(HParamDomain.numbers(0.0).contains(new HParamValue.Num(-0.0))).as("-0.0 is 0.0").isTrue();
        HParamInfo info = info(batch);
        assertThat(info.getType()).isEqualTo(DataType.DATA_TYPE_FLOAT64);
        assertThat(info.getDomainDiscrete().getValuesList()).extracting(Value::getNumberValue).containsExactly(64.0, 16.0, 32.0);
        assertThat(batch).hasToString("discrete {64.0, 16.0, 32.0}");
    }

    @Test
    void shouldAcceptOnlyTheListedStringsAndStoreThemInOrder() {
        HParamDomain solver = HParamDomain.strings(List.of("RK4", "EULER"));
        assertThat(solver.contains(new HParamValue.Str("EULER"))).isTrue();
        assertThat(solver.contains(new HParamValue.Str("euler"))).as("case matters").isFalse();
        assertThat(solver.contains(HALF)).isFalse();
        HParamInfo info = info(solver);
        assertThat(info.getType()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(info.getDomainDiscrete().getValuesList()).extracting(Value::getStringValue).containsExactly("RK4", "EULER");
        assertThat(solver).hasToString("discrete {\"RK4\", \"EULER\"}");
    }

    @Test
    void shouldAcceptBothBooleansAndNothingElse() {
        HParamDomain bools = HParamDomain.bools();
        assertThat(bools.contains(new HParamValue.Bool(true))).isTrue();
        assertThat(bools.contains(new HParamValue.Bool(false))).isTrue();
        assertThat(bools.contains(new HParamValue.Num(1))).isFalse();
        assertThat(bools.contains(new HParamValue.Str("true"))).isFalse();
        HParamInfo info = info(bools);
        assertThat(info.getType()).isEqualTo(DataType.DATA_TYPE_BOOL);
        assertThat(info.getDomainDiscrete().getValuesList()).extracting(Value::getBoolValue).containsExactly(false, true);
        assertThat(bools).hasToString("discrete {false, true}");
    }

    @Test
    void shouldRejectBadDomainsNamingTheValues() {
        assertThatThrownBy(() -> HParamDomain.interval(1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("[1.0, 0.0]");
        assertThatThrownBy(() -> HParamDomain.interval(0, Double.POSITIVE_INFINITY))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> HParamDomain.interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        assertThatThrownBy(HParamDomain::numbers).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> HParamDomain.numbers((double[]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HParamDomain.numbers(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> HParamDomain.numbers(1, 2, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1.0 twice");
        assertThatThrownBy(() -> HParamDomain.numbers(0.0, -0.0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("twice");
        assertThatThrownBy(() -> HParamDomain.strings(List.of())).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> HParamDomain.strings(Arrays.asList("a", null))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("null");
        assertThatThrownBy(() -> HParamDomain.strings(List.of("a", "b", "a"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"a\" twice");
    }

    @Test
    void shouldDescribeAnotherWritersDomainsToo() {
        HParamInfo noDomain = HParamInfo.newBuilder().setName("k").setType(DataType.DATA_TYPE_STRING).build();
        assertThat(HParamDomain.describe(noDomain)).isEqualTo("STRING, no domain");
        HParamInfo mixed = HParamInfo.newBuilder().setName("k").setType(DataType.DATA_TYPE_STRING)
            .setDomainDiscrete(ListValue.newBuilder().addValues(Value.newBuilder().setStringValue("a"))
                .addValues(Value.newBuilder().setNumberValue(2))).build();
        assertThat(HParamDomain.describe(mixed)).isEqualTo("discrete {\"a\", 2.0}");
    }
}
