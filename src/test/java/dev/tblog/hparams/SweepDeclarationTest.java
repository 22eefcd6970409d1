package dev.tblog.hparams;

import dev.tblog.proto.hparams.DataType;
import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.MetricInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declaration's canonical bytes (decoded with the generated classes), its checks of a call, and its own input rules. */
class SweepDeclarationTest {
    private static final Path SWEEP = Path.of("/data/runs/sweep-1");

    static SweepDeclaration.Builder simulation() {
        return SweepDeclaration.builder()
            .hparam("solver", HParamDomain.strings(List.of("EULER", "RK4")), "Solver", "")
            .hparam("learning_rate", HParamDomain.interval(1e-4, 1.0), "Learning rate", "Step size")
            .hparam("plastic", HParamDomain.bools(), "", "")
            .metric("accuracy", "Accuracy (test)", "Share recognized")
            .metric("loss", "", "");
    }

    @Test
    void shouldEncodeHParamsSortedByNameAndMetricsInTheOrderDeclared() throws Exception {
        HParamsPluginData data = HParamsPluginData.parseFrom(simulation().build().content());
        assertThat(data.getVersion()).isZero();
        assertThat(data.getDataCase()).isEqualTo(HParamsPluginData.DataCase.EXPERIMENT);
        Experiment experiment = data.getExperiment();
        assertThat(experiment.getHparamInfosList()).extracting(HParamInfo::getName)
            .containsExactly("learning_rate", "plastic", "solver");
        HParamInfo rate = experiment.getHparamInfos(0);
        assertThat(rate.getType()).isEqualTo(DataType.DATA_TYPE_FLOAT64);
        assertThat(rate.getDomainInterval().getMinValue()).isEqualTo(1e-4);
        assertThat(rate.getDisplayName()).isEqualTo("Learning rate");
        assertThat(rate.getDescription()).isEqualTo("Step size");
        assertThat(experiment.getHparamInfos(1).getType()).isEqualTo(DataType.DATA_TYPE_BOOL);
        assertThat(experiment.getHparamInfos(2).getDomainDiscrete().getValuesCount()).isEqualTo(2);
        assertThat(experiment.getMetricInfosList()).extracting(m -> m.getName().getTag()).containsExactly("accuracy", "loss");
        MetricInfo accuracy = experiment.getMetricInfos(0);
        assertThat(accuracy.getName().getGroup()).isEmpty();
        assertThat(accuracy.getDisplayName()).isEqualTo("Accuracy (test)");
        assertThat(accuracy.getDescription()).isEqualTo("Share recognized");
        assertThat(experiment.getTimeCreatedSecs()).as("no time: the bytes are the declaration's alone").isZero();
        assertThat(experiment.getUser()).isEmpty();
    }

    @Test
    void shouldGiveTheSameBytesWhateverOrderTheHParamsAreDeclaredIn() {
        SweepDeclaration reordered = SweepDeclaration.builder()
            .hparam("plastic", HParamDomain.bools(), "", "")
            .hparam("learning_rate", HParamDomain.interval(1e-4, 1.0), "Learning rate", "Step size")
            .hparam("solver", HParamDomain.strings(List.of("EULER", "RK4")), "Solver", "")
            .metric("accuracy", "Accuracy (test)", "Share recognized")
            .metric("loss", "", "")
            .build();
        assertThat(reordered.content()).isEqualTo(simulation().build().content());
    }

    @Test
    void shouldGiveOtherBytesForMetricsInAnotherOrderOrAnotherText() {
        SweepDeclaration swapped = SweepDeclaration.builder()
            .hparam("solver", HParamDomain.strings(List.of("EULER", "RK4")), "Solver", "")
            .hparam("learning_rate", HParamDomain.interval(1e-4, 1.0), "Learning rate", "Step size")
            .hparam("plastic", HParamDomain.bools(), "", "")
            .metric("loss", "", "")
            .metric("accuracy", "Accuracy (test)", "Share recognized")
            .build();
        assertThat(swapped.content()).isNotEqualTo(simulation().build().content());
        SweepDeclaration retitled = simulation().hparam("tau", HParamDomain.numbers(10, 20), "", "").build();
        assertThat(retitled.content()).isNotEqualTo(simulation().build().content());
    }

    @Test
    void shouldAcceptACallInsideTheDeclarationAndOneLeavingADeclaredKeyOut() {
        SweepDeclaration declaration = simulation().build();
        assertThatCode(() -> declaration.check(HParams.of(Map.of("learning_rate", 0.01, "solver", "RK4", "plastic", true),
            Map.of("accuracy", 0.9, "loss", 0.1)), SWEEP)).doesNotThrowAnyException();
        assertThatCode(() -> declaration.check(HParams.of(Map.of("learning_rate", 1), Map.of()), SWEEP))
            .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAValueOutsideItsDomainNamingKeyValueAndDomain() {
        SweepDeclaration declaration = simulation().build();
        assertThatThrownBy(() -> declaration.check(HParams.of(Map.of("learning_rate", 2), Map.of()), SWEEP))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'learning_rate' = 2.0").hasMessageContaining("interval [1.0E-4, 1.0]")
            .hasMessageContaining(SWEEP.toString());
        assertThatThrownBy(() -> declaration.check(HParams.of(Map.of("solver", "RK45"), Map.of()), SWEEP))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'solver' = \"RK45\"").hasMessageContaining("discrete {\"EULER\", \"RK4\"}");
        assertThatThrownBy(() -> declaration.check(HParams.of(Map.of("plastic", "yes"), Map.of()), SWEEP))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'plastic' = \"yes\"").hasMessageContaining("discrete {false, true}");
    }

    @Test
    void shouldRejectAParameterOrMetricTheSweepDoesNotDeclare() {
        SweepDeclaration declaration = simulation().build();
        assertThatThrownBy(() -> declaration.check(HParams.of(Map.of("momentum", 0.9), Map.of()), SWEEP))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("hparam 'momentum' is not declared")
            .hasMessageContaining("[learning_rate, plastic, solver]");
        assertThatThrownBy(() -> declaration.check(HParams.of(Map.of(), Map.of("error", 0.1)), SWEEP))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("metric 'error' is not declared")
            .hasMessageContaining("[accuracy, loss]");
    }

    @Test
    void shouldRejectBadDeclarationsNamingTheBadPart() {
        Map<String, Runnable> bad = new HashMap<>();
        bad.put("hparam 'solver' is declared twice", () -> simulation().hparam("solver", HParamDomain.bools(), "", ""));
        bad.put("metric 'loss' is declared twice", () -> simulation().metric("loss", "", ""));
        bad.put("hparam name must not be null", () -> simulation().hparam(null, HParamDomain.bools(), "", ""));
        bad.put("hparam name must not be empty or blank", () -> simulation().hparam(" ", HParamDomain.bools(), "", ""));
        bad.put("domain of hparam 'x' must not be null", () -> simulation().hparam("x", null, "", ""));
        bad.put("display name of 'x' must not be null", () -> simulation().hparam("x", HParamDomain.bools(), null, ""));
        bad.put("description of 'm' must not be null", () -> simulation().metric("m", "", null));
        bad.put("metric name must not be empty or blank", () -> simulation().metric("", "", ""));
        bad.put("reserved prefix _hparams_/", () -> simulation().metric("_hparams_/experiment", "", ""));
        bad.put("at least one hparam", () -> SweepDeclaration.builder().metric("m", "", "").build());
        bad.forEach((message, call) -> assertThatThrownBy(call::run).as(message)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
    }
}
