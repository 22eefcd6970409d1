package dev.tblog.encode;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.record.RecordDescriptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Summary template writes what the encoder writes value by value, decoded with protobuf's
 * generated classes; it tells apart the keys it holds, and rebuilt for other keys it writes theirs.
 */
class SummaryTemplateTest {
    private final ScalarEventEncoder encoder = new ScalarEventEncoder();

    @Property(tries = 200)
    void shouldWriteTheRecordTheEncoderWritesValueByValue(
        @ForAll @Size(min = 1, max = 64) List<@StringLength(min = 1, max = 40) String> tags,
        @ForAll long step, @ForAll @IntRange(min = 1) int wallTimeMillis, @ForAll float value) {
        ScalarTag[] scalarTags = tags.stream().map(SummaryTemplateTest::tag).toArray(ScalarTag[]::new);
        int[] keys = new int[tags.size()];
        float[] values = new float[tags.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 100 - i;
            values[i] = value + i;
        }
        SummaryTemplate template = new SummaryTemplate();
        assertThat(template.fill(keys, keys.length, i -> scalarTags[i])).isTrue();

        ByteBuf expected = Unpooled.directBuffer();
        ByteBuf actual = Unpooled.directBuffer();
        try {
            encoder.write(expected, wallTimeMillis / 1000.0, step, i -> scalarTags[i], values, keys.length);
            encoder.write(actual, wallTimeMillis / 1000.0, step, template, values);
            assertThat(ByteBufUtil.hexDump(actual)).isEqualTo(ByteBufUtil.hexDump(expected));
        } finally {
            expected.release();
            actual.release();
        }
    }

    @Test
    void shouldMatchOnlyTheKeysItHoldsInTheirOrder() {
        ScalarTag[] tags = {tag("a"), tag("b"), tag("c")};
        SummaryTemplate template = new SummaryTemplate();
        template.fill(new int[] {4, 5, 6, 99}, 3, i -> tags[i]);
        assertThat(template.matches(new int[] {4, 5, 6, 7}, 3)).isTrue();
        assertThat(template.matches(new int[] {4, 5, 6, 7}, 4)).as("one more").isFalse();
        assertThat(template.matches(new int[] {4, 5}, 2)).as("one fewer").isFalse();
        assertThat(template.matches(new int[] {4, 6, 5}, 3)).as("another order").isFalse();
    }

    @Test
    void shouldWriteTheNewTagsOnceRebuiltForOtherKeys() throws Exception {
        SummaryTemplate template = new SummaryTemplate();
        ScalarTag[] first = {tag("loss"), tag("accuracy")};
        template.fill(new int[] {0, 1}, 2, i -> first[i]);
        ScalarTag[] second = {tag("loss"), tag("a much longer tag than before ".repeat(8)), tag("lr")};
        template.fill(new int[] {0, 2, 3}, 3, i -> second[i]);

        ByteBuf buf = Unpooled.directBuffer();
        try {
            encoder.write(buf, 12.5, 7, template, new float[] {1f, 2f, 3f});
            Event event = Event.parseFrom(data(buf));
            assertThat(event.getSummary().getValueList()).extracting(Summary.Value::getTag)
                .containsExactly("loss", "a much longer tag than before ".repeat(8), "lr");
            assertThat(event.getSummary().getValueList()).extracting(Summary.Value::getSimpleValue)
                .containsExactly(1f, 2f, 3f);
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldRefuseASummaryOverItsLimitAndStayAsItWas() {
        ScalarTag big = tag("t".repeat(SummaryTemplate.MAX_BYTES / 2));
        ScalarTag small = tag("s");
        SummaryTemplate template = new SummaryTemplate();
        template.fill(new int[] {1}, 1, i -> small);
        assertThat(template.fill(new int[] {2, 3}, 2, i -> big)).isFalse();
        assertThat(template.matches(new int[] {1}, 1)).isTrue();
    }

    private static ScalarTag tag(String tag) {
        return new ScalarTag(tag.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] data(ByteBuf buf) {
        int length = (int) buf.getLongLE(0);
        byte[] data = new byte[length];
        buf.getBytes(RecordDescriptor.HEADER_BYTES, data);
        return data;
    }
}
