package dev.tblog.customscalars;

import dev.tblog.CustomScalars;
import dev.tblog.Logger;
import dev.tblog.TestEvents;
import dev.tblog.proto.Chart;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.Layout;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layout written through the logger, read back with the generated protobuf classes: the
 * plugin's tag, metadata and scalar string tensor, and every category and chart as built; the
 * builder refuses what TensorBoard could not use, naming it.
 */
class CustomScalarsRoundTripTest {
    @TempDir
    Path logdir;

    @Test
    void shouldWriteTheLayoutOnceAtStepZeroAsTheCustomScalarsSummary() throws Exception {
        CustomScalars layout = CustomScalars.builder()
            .category("Learning")
                .multiline("Accuracy", "Accuracy", "Accuracy/Split")
                .margin("Error band", "Error", "Error/low", "Error/high")
            .category("Plasticity").collapsed()
                .multiline("Rates", "Plasticity/.*")
            .build();
        assertThat(layout.categories()).isEqualTo(2);
        assertThat(layout.charts()).isEqualTo(3);
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addScalar("Accuracy", 0.5, 12);
            log.addCustomScalars(layout);
        }
        List<Event> events = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "custom_scalars__config__");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getStep()).isZero();
        Summary.Value value = events.get(0).getSummary().getValue(0);
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("custom_scalars");
        assertThat(value.getMetadata().getPluginData().getContent().isEmpty()).isTrue();
        assertThat(value.getTensor().getDtype()).isEqualTo(DataType.DT_STRING);
        assertThat(value.getTensor().hasTensorShape()).isTrue();
        assertThat(value.getTensor().getTensorShape().getDimCount()).as("a scalar").isZero();
        Layout parsed = Layout.parseFrom(value.getTensor().getStringVal(0));
        assertThat(parsed.getVersion()).isZero();
        assertThat(parsed.getCategoryList()).extracting(c -> c.getTitle()).containsExactly("Learning", "Plasticity");
        assertThat(parsed.getCategory(0).getClosed()).isFalse();
        assertThat(parsed.getCategory(1).getClosed()).isTrue();
        Chart accuracy = parsed.getCategory(0).getChart(0);
        assertThat(accuracy.getTitle()).isEqualTo("Accuracy");
        assertThat(accuracy.getMultiline().getTagList()).containsExactly("Accuracy", "Accuracy/Split");
        Chart band = parsed.getCategory(0).getChart(1);
        assertThat(band.hasMargin()).isTrue();
        assertThat(band.getMargin().getSeries(0).getValue()).isEqualTo("Error");
        assertThat(band.getMargin().getSeries(0).getLower()).isEqualTo("Error/low");
        assertThat(band.getMargin().getSeries(0).getUpper()).isEqualTo("Error/high");
        assertThat(parsed.getCategory(1).getChart(0).getMultiline().getTagList()).containsExactly("Plasticity/.*");
    }

    @Test
    void shouldRefuseWhatTensorBoardCouldNotUseNamingIt() {
        assertThatThrownBy(() -> CustomScalars.builder().build()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("at least one category");
        assertThatThrownBy(() -> CustomScalars.builder().multiline("c", "x")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("before any category");
        assertThatThrownBy(() -> CustomScalars.builder().category("Empty").category("Other").multiline("c", "x"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("'Empty' has no chart");
        assertThatThrownBy(() -> CustomScalars.builder().category(" ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("category title");
        assertThatThrownBy(() -> CustomScalars.builder().category("A").multiline("c"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one tag regex");
        assertThatThrownBy(() -> CustomScalars.builder().category("A").multiline("c", "loss(")
            ).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loss('");
        assertThatThrownBy(() -> CustomScalars.builder().category("A").margin("m", "v", null, "u"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower tag");
    }
}
