package dev.tblog.jmhruns;

import dev.tblog.proto.hparams.DataType;
import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.MetricInfo;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteSweepTest {
    @TempDir
    Path logdir;

    private final List<String> warnings = new ArrayList<>();

    private static SuiteSweep suite() {
        return SuiteSweep.builder()
            .benchmark("b.Ring.publish", Map.of("size", List.of("64", "8", "1024"), "pinned", List.of("true", "false")))
            .benchmark("a.Solver.step", Map.of("size", List.of("8", "16.0"), "solver", List.of("RK4", "EULER")))
            .benchmark("a.Solver.plain", Map.of())
            .build();
    }

    private static TrialKey key(String benchmark, String mode, String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return new TrialKey(benchmark, mode, params);
    }

    private static Map<String, HParamInfo> infos(Experiment e) {
        Map<String, HParamInfo> infos = new LinkedHashMap<>();
        e.getHparamInfosList().forEach(i -> infos.put(i.getName(), i));
        return infos;
    }

    private static List<Object> values(HParamInfo info) {
        List<Object> values = new ArrayList<>();
        for (Value v : info.getDomainDiscrete().getValuesList()) {
            values.add(switch (v.getKindCase()) {
                case NUMBER_VALUE -> v.getNumberValue();
                case BOOL_VALUE -> v.getBoolValue();
                default -> v.getStringValue();
            });
        }
        return values;
    }

    @Test
    void shouldDeclareBenchmarkModeUnitAndEveryParameterWithTheSuitesValuesAndTheTwoMetrics() {
        assertThat(suite().declare(logdir, null, warnings::add)).contains(logdir);
        assertThat(warnings).isEmpty();

        Map<String, HParamInfo> infos = infos(JmhRunFiles.experiment(logdir));
        assertThat(infos).containsOnlyKeys("jmh:benchmark", "jmh:mode", "jmh:unit", "pinned", "size", "solver");
        assertThat(values(infos.get("jmh:benchmark"))).containsExactly("a.Solver.plain", "a.Solver.step", "b.Ring.publish");
        assertThat(infos.get("jmh:benchmark").getDisplayName()).isEqualTo("benchmark");
        assertThat(values(infos.get("jmh:mode"))).containsExactly("thrpt", "avgt", "sample", "ss");
        assertThat(values(infos.get("jmh:unit"))).hasSize(14).contains("ops/us", "ns/op", "ops/day", "s/op");
        assertThat(infos.get("size").getType()).isEqualTo(DataType.DATA_TYPE_FLOAT64);
        assertThat(values(infos.get("size"))).as("the union, in numeric order, 16.0 once")
            .containsExactly(8.0, 16.0, 64.0, 1024.0);
        assertThat(infos.get("pinned").getType()).isEqualTo(DataType.DATA_TYPE_BOOL);
        assertThat(infos.get("solver").getType()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(values(infos.get("solver"))).containsExactly("EULER", "RK4");
        assertThat(JmhRunFiles.experiment(logdir).getMetricInfosList()).extracting(m -> m.getName().getTag())
            .containsExactly(SuiteSweep.SCORE, SuiteSweep.ERROR);
        assertThat(JmhRunFiles.experiment(logdir).getMetricInfosList()).extracting(MetricInfo::getDisplayName)
            .containsExactly("score", "error");
    }

    @Test
    void shouldTakeValuesThatAreNotAllNumbersOrAllBooleansAsStrings() {
        SuiteSweep sweep = SuiteSweep.builder()
            .benchmark("x.Y.z", Map.of("mixed", List.of("1", "a"), "hexLooking", List.of("0x10", "1d"),
                "bools", List.of("true", "FALSE"), "numbers", List.of("1", "1.0", "-2.5e3", ".5")))
            .build();
        sweep.declare(logdir, null, warnings::add);
        Map<String, HParamInfo> infos = infos(JmhRunFiles.experiment(logdir));
        assertThat(infos.get("mixed").getType()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(infos.get("hexLooking").getType()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(infos.get("bools").getType()).isEqualTo(DataType.DATA_TYPE_STRING);
        assertThat(values(infos.get("numbers"))).containsExactly(-2500.0, 0.5, 1.0);
    }

    @Test
    void shouldTypeARunsValuesAsDeclared() {
        SuiteSweep sweep = suite();
        sweep.declare(logdir, null, warnings::add);
        Map<String, Object> row = sweep.hparams(key("b.Ring.publish", "thrpt", "size", "1024", "pinned", "true"), "ops/us",
            warnings::add);
        assertThat(row).containsExactly(Map.entry("jmh:benchmark", "b.Ring.publish"), Map.entry("jmh:mode", "thrpt"),
            Map.entry("jmh:unit", "ops/us"), Map.entry("pinned", true), Map.entry("size", 1024.0));
        assertThat(sweep.hparams(key("a.Solver.step", "avgt", "size", "16", "solver", "RK4"), "ns/op", warnings::add))
            .containsEntry("size", 16.0).containsEntry("solver", "RK4");
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldLeaveOutAValueTheSweepDoesNotHoldAndWarnOncePerValue() {
        SuiteSweep sweep = suite();
        sweep.declare(logdir, null, warnings::add);
        TrialKey overridden = key("b.Ring.publish", "thrpt", "size", "5", "pinned", "true");
        Map<String, Object> row = sweep.hparams(overridden, "ops/us", warnings::add);
        assertThat(row).doesNotContainKey("size").containsEntry("pinned", true);
        sweep.hparams(overridden, "ops/us", warnings::add);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("size=5").contains(logdir.toString()).contains("label");
        assertThat(sweep.hparams(key("c.New.one", "thrpt"), "furlongs/op", warnings::add))
            .containsOnlyKeys("jmh:mode");
    }

    @Test
    void shouldDeclareInTheLabelsFolderWhenTheLogFolderHoldsAnotherSuitesSweep() {
        suite().declare(logdir, null, warnings::add);
        SuiteSweep other = SuiteSweep.builder().benchmark("z.Other.run", Map.of("n", List.of("1"))).build();
        assertThat(other.declare(logdir, "other", warnings::add)).contains(logdir.resolve("other"));
        assertThat(infos(JmhRunFiles.experiment(logdir.resolve("other")))).containsKey("n");
        assertThat(infos(JmhRunFiles.experiment(logdir))).doesNotContainKey("n");
        assertThat(warnings).singleElement().asString().contains(logdir.resolve("other").toString());
    }

    @Test
    void shouldFindTheSameSweepThatAnotherWriterOfTheSuiteDeclared() {
        assertThat(suite().declare(logdir, "first", warnings::add)).contains(logdir);
        assertThat(suite().declare(logdir, "second", warnings::add)).contains(logdir);
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldDeclareNothingAndKeepEveryValueUncheckedWhenNoFolderTakesTheSweep() {
        suite().declare(logdir, null, warnings::add);
        SuiteSweep other = SuiteSweep.builder().benchmark("z.Other.run", Map.of("n", List.of("1"))).build();
        assertThat(other.declare(logdir, null, warnings::add)).isEmpty();
        assertThat(other.declaredIn()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("no sweep declared").contains("label");
        assertThat(other.hparams(key("z.Other.run", "avgt", "n", "7"), "ms/op", warnings::add))
            .containsEntry("n", 7.0).containsEntry("jmh:unit", "ms/op");
    }
}
