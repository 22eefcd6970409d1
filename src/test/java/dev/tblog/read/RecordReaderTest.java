package dev.tblog.read;

import dev.tblog.PeerFolder;
import dev.tblog.proto.Event;
import dev.tblog.record.RecordDescriptor;
import dev.tblog.record.RunNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReaderTest {
    static final Path INTEROP = PeerFolder.root();

    @TempDir
    Path dir;

    /** Frames records independently of RecordFramer, from the layout in the format notes. */
    static byte[] frame(byte[]... records) {
        CRC32C crc = new CRC32C();
        int total = Arrays.stream(records).mapToInt(r -> r.length + RecordDescriptor.OVERHEAD_BYTES).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] data : records) {
            byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
            out.put(length);
            out.putInt(RecordDescriptor.maskedCrc(crc, length, 0, 8));
            out.put(data);
            out.putInt(RecordDescriptor.maskedCrc(crc, data, 0, data.length));
        }
        return out.array();
    }

    @Test
    void shouldReadEveryRecordInOrder() throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, frame("one".getBytes(), new byte[0], "three".getBytes()));
        List<byte[]> records = RecordReader.readAll(file);
        assertThat(records).extracting(String::new).containsExactly("one", "", "three");
    }

    @Test
    void shouldTakeATornLastRecordAsTheEndOfTheFileNotAnError() throws IOException {
        byte[] whole = frame("first".getBytes(), "second record".getBytes());
        int secondStart = 5 + RecordDescriptor.OVERHEAD_BYTES;
        for (int cut = secondStart + 1; cut < whole.length; cut += 3) {
            Path file = dir.resolve("torn" + cut);
            Files.write(file, Arrays.copyOf(whole, cut));
            try (RecordReader reader = RecordReader.open(file)) {
                assertThat(new String(reader.next().data())).isEqualTo("first");
                assertThat(reader.next()).isNull();
                assertThat(reader.tornTailOffset()).isEqualTo(secondStart);
            }
        }
    }

    @Test
    void shouldReportABadDataCrcWithItsOffsetAndGoOnReading() throws IOException {
        byte[] bytes = frame("first".getBytes(), "second".getBytes(), "third".getBytes());
        int secondStart = 5 + RecordDescriptor.OVERHEAD_BYTES;
        bytes[secondStart + RecordDescriptor.HEADER_BYTES + 2] ^= 1;
        Path file = dir.resolve("bad-data");
        Files.write(file, bytes);
        try (RecordReader reader = RecordReader.open(file)) {
            assertThat(new String(reader.next().data())).isEqualTo("first");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(CorruptRecordException.class, e -> {
                assertThat(e.offset()).isEqualTo(secondStart);
                assertThat(e.readable()).isTrue();
                assertThat(e.getMessage()).contains(file.toString()).contains("data CRC");
            });
            assertThat(new String(reader.next().data())).isEqualTo("third");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void shouldEndTheFileAtABadLengthCrc() throws IOException {
        byte[] bytes = frame("first".getBytes(), "second".getBytes());
        int secondStart = 5 + RecordDescriptor.OVERHEAD_BYTES;
        bytes[secondStart] ^= 0x40;
        Path file = dir.resolve("bad-length");
        Files.write(file, bytes);
        try (RecordReader reader = RecordReader.open(file)) {
            reader.next();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(CorruptRecordException.class, e -> {
                assertThat(e.offset()).isEqualTo(secondStart);
                assertThat(e.readable()).isFalse();
            });
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void shouldReadEveryFileOfThePeerWithEveryCrcSound() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(INTEROP)) {
            files = walk.filter(p -> RunNames.isEventFile(p.getFileName().toString())).sorted()
                .collect(Collectors.toList());
        }
        assertThat(files).hasSize(4);
        List<String> tags = new ArrayList<>();
        for (Path file : files) {
            try (RecordReader reader = RecordReader.open(file)) {
                int n = 0;
                for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                    Event event = Event.parseFrom(r.data());
                    if (n++ == 0) {
                        assertThat(event.getFileVersion()).isEqualTo("brain.Event:2");
                    } else {
                        tags.add(event.getSummary().getValue(0).getTag());
                    }
                }
                assertThat(reader.tornTailOffset()).isEqualTo(-1);
                assertThat(reader.offset()).isEqualTo(Files.size(file));
            }
        }
        assertThat(tags).contains("Accuracy", "Loss", "Population/Firing rate", "Weight distribution",
            "_hparams_/experiment", "Notes/text_summary");
    }
}
