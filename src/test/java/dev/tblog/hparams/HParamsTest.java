package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Value;
import dev.tblog.proto.hparams.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HParamsTest {

    enum Solver { EULER, RK4 { @Override public String toString() { return "runge-kutta"; } } }

    private static HParamValue single(Object v) {
        return HParams.of(Map.of("k", v), Map.of()).params().get("k");
    }

    @Test
    void shouldMapStringToStringValue() {
        assertThat(single("euler")).isEqualTo(new HParamValue.Str("euler"));
        assertThat(single("euler").type()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(single("euler").toProto()).isEqualTo(Value.newBuilder().setStringValue("euler").build());
        assertThat(single(new StringBuilder("sb"))).isEqualTo(new HParamValue.Str("sb"));
    }

    @Test
    void shouldMapBooleanToBoolNotFloat() {
        assertThat(single(true).type()).isEqualTo(DataType.DATA_TYPE_BOOL);
        assertThat(single(true).toProto()).isEqualTo(Value.newBuilder().setBoolValue(true).build());
        assertThat(single(Boolean.FALSE).toProto().getKindCase()).isEqualTo(Value.KindCase.BOOL_VALUE);
        assertThat(single(Boolean.FALSE).toProto().getBoolValue()).isFalse();
    }

    @Test
    void shouldMapEveryNumberToFloat64NumberValue() {
        Map<Object, Double> cases = new LinkedHashMap<>();
        cases.put(3, 3.0);
        cases.put(4_000_000_000L, 4.0e9);
        cases.put(0.5f, 0.5);
        cases.put(0.1, 0.1);
        cases.put(new BigDecimal("2.25"), 2.25);
        cases.put(BigInteger.TEN, 10.0);
        cases.put((short) -7, -7.0);
        cases.put((byte) 1, 1.0);
        cases.put(new AtomicInteger(42), 42.0);
        cases.forEach((in, expected) -> {
            HParamValue v = single(in);
            assertThat(v.type()).as("%s", in.getClass()).isEqualTo(DataType.DATA_TYPE_FLOAT64);
            assertThat(v.toProto()).as("%s", in.getClass()).isEqualTo(Value.newBuilder().setNumberValue(expected).build());
        });
    }

    @Test
    void shouldMapEnumToItsNameNotToString() {
        assertThat(single(Solver.EULER)).isEqualTo(new HParamValue.Str("EULER"));
        assertThat(single(Solver.RK4)).isEqualTo(new HParamValue.Str("RK4"));
    }

    @Test
    void shouldSkipNullValues() {
        Map<String, Object> params = new HashMap<>();
        params.put("lr", 0.1);
        params.put("unset", null);
        assertThat(HParams.of(params, Map.of()).params()).containsOnlyKeys("lr");
    }

    @Test
    void shouldRejectUnsupportedTypeNamingKeyAndType() {
        for (Object bad : List.of(new Object(), List.of(1), 'c', new int[] {1})) {
            assertThatThrownBy(() -> HParams.of(Map.of("weird", bad), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'weird'")
                    .hasMessageContaining(bad.getClass().getName());
        }
    }

    @Test
    void shouldRejectNonFiniteNumberHParamNamingKey() {
        assertThatThrownBy(() -> HParams.of(Map.of("lr", Double.NaN), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lr'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> HParams.of(Map.of("lr", Float.POSITIVE_INFINITY), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lr'").hasMessageContaining("Infinity");
    }

    @Test
    void shouldRejectNullMaps() {
        assertThatThrownBy(() -> HParams.of(null, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("params");
        assertThatThrownBy(() -> HParams.of(Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics");
    }

    @Test
    void shouldRejectNullEmptyAndBlankKeys() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> HParams.of(nullKey, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hparam key must not be null");
        assertThatThrownBy(() -> HParams.of(Map.of("", 1), Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> HParams.of(Map.of(), Map.of(" \t", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric key");
    }

    @Test
    void shouldRejectNullMetricValueNamingKey() {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("accuracy", null);
        assertThatThrownBy(() -> HParams.of(Map.of(), metrics)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'accuracy'").hasMessageContaining("null");
    }

    @Test
    void shouldRejectMetricKeysInTheReservedPrefix() {
        assertThatThrownBy(() -> HParams.of(Map.of(), Map.of("_hparams_/experiment", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_hparams_/experiment");
    }

    @Test
    void shouldKeepNaNAndInfiniteMetricValues() {
        HParams hp = HParams.of(Map.of(), Map.of("loss", Double.NaN, "grad", Float.NEGATIVE_INFINITY, "n", 3));
        assertThat(hp.metrics().get("loss")).isNaN();
        assertThat(hp.metrics().get("grad")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(hp.metrics().get("n")).isEqualTo(3.0);
    }

    @Test
    void shouldSortByKeyWhateverTheCallersOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tau", 1);
        params.put("beta", 2);
        params.put("alpha", 3);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("z", 1);
        metrics.put("a", 2);
        HParams hp = HParams.of(params, metrics);
        assertThat(hp.params().keySet()).containsExactly("alpha", "beta", "tau");
        assertThat(hp.metrics().keySet()).containsExactly("a", "z");
    }

    @Test
    void shouldBeImmutableAndDetachedFromTheCallersMaps() {
        Map<String, Object> params = new HashMap<>(Map.of("lr", 0.1));
        HParams hp = HParams.of(params, Map.of());
        params.put("late", 1);
        assertThat(hp.params()).containsOnlyKeys("lr");
        assertThatThrownBy(() -> hp.params().put("x", new HParamValue.Bool(true)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hp.metrics().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldCompareByContent() {
        assertThat(HParams.of(Map.of("a", 1), Map.of("m", 2))).isEqualTo(HParams.of(Map.of("a", 1.0), Map.of("m", 2.0)))
                .hasSameHashCodeAs(HParams.of(Map.of("a", 1.0), Map.of("m", 2.0)));
        assertThat(HParams.of(Map.of("a", 1), Map.of())).isNotEqualTo(HParams.of(Map.of("a", true), Map.of()));
    }
}
