package dev.tblog.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextSummaryTest {

    @Test
    void shouldRoundTripUtf8MarkdownInAShapeOneStringTensor() throws Exception {
        String md = "# Résumé\n* τ = 10 ms 🧠\n";
        Summary.Value v = Summary.Value.parseFrom(TextSummary.value("Notes/run", md).toByteArray());
        assertThat(v.getTag()).isEqualTo("Notes/run/text_summary");
        assertThat(v.getMetadata().getPluginData().getPluginName()).isEqualTo("text");
        assertThat(v.getMetadata().getPluginData().getContent().isEmpty()).isTrue();
        assertThat(v.getTensor().getDtype()).isEqualTo(DataType.DT_STRING);
        assertThat(v.getTensor().getTensorShape().getDimList()).singleElement()
                .satisfies(d -> assertThat(d.getSize()).isEqualTo(1));
        assertThat(v.getTensor().getStringValList()).singleElement()
                .satisfies(b -> assertThat(b.toByteArray()).isEqualTo(md.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAcceptEmptyText() {
        assertThat(TextSummary.value("t", "").getTensor().getStringVal(0).isEmpty()).isTrue();
    }

    @Test
    void shouldRejectNullTextNamingTheTag() {
        assertThatThrownBy(() -> TextSummary.value("Notes", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Notes'").hasMessageContaining("null");
    }

    @Test
    void shouldRejectNullOrBlankTag() {
        assertThatThrownBy(() -> TextSummary.value(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextSummary.value("  ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'  '");
    }
}
