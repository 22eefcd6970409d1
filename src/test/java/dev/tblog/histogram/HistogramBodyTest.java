package dev.tblog.histogram;

import com.google.protobuf.CodedOutputStream;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HistogramBody's hand encoding against the generated classes' bytes. */
class HistogramBodyTest {
    /** The hand encoding is byte for byte what the generated classes write, zeros and -0.0 included. */
    @ParameterizedTest
    @ValueSource(strings = {"1,2", "-0.0", "0.0", "0,0,0", "-3.5,1e-13,7e19,-7e19", "1e300,1e300"})
    void shouldEncodeExactlyTheBytesOfTheGeneratedClasses(String csv) throws IOException {
        double[] values = Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
        for (Bins bins : List.of(Bins.tensorflowDefault(), Bins.equalWidth(4))) {
            HistogramAccumulator acc = new HistogramAccumulator(bins);
            acc.set(values);
            byte[] expected = Summary.Value.newBuilder().setHisto(HistogramProtos.toProto(acc)).build().toByteArray();
            HistogramBody body = new HistogramBody().of(acc);
            byte[] actual = new byte[body.serializedSize()];
            CodedOutputStream out = CodedOutputStream.newInstance(actual);
            body.writeTo(out);
            out.checkNoSpaceLeft();
            assertThat(actual).as(bins + " " + csv).isEqualTo(expected);
        }
    }

    @Test
    void shouldEncodeRawZerosAsTheGeneratedClassesDo() throws IOException {
        double[] data = {0.0, 1.0, 0.0, 0.0};
        HistogramBody body = new HistogramBody().of(0.0, -0.0, 0.0, 0.0, 0.0, data, 2);
        byte[] actual = new byte[body.serializedSize()];
        CodedOutputStream out = CodedOutputStream.newInstance(actual);
        body.writeTo(out);
        out.checkNoSpaceLeft();
        assertThat(actual).isEqualTo(Summary.Value.newBuilder().setHisto(HistogramProto.newBuilder().setMax(-0.0)
            .addBucketLimit(0).addBucketLimit(1).addBucket(0).addBucket(0)).build().toByteArray());
    }

}
