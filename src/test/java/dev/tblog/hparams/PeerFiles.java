package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tblog.PeerFolder;
import dev.tblog.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The peer's (PyTorch SummaryWriter) files the interop tests compare against, and a minimal
 * TFRecord reader for them.
 *
 * <p>The bytes the tests need are embedded; {@code PeerInteropTest} checks them against the peer's
 * files, carried as test resources (see {@link PeerFolder}).
 */
final class PeerFiles {

    static final Path PEER_DIR = PeerFolder.root();
    static final String HP_FILE = "hp/events.out.tfevents.1795725812.vm.439.3";
    static final String MAIN_FILE = "events.out.tfevents.1795725812.vm.439.0";

    /** The whole file {@code hp/events.out.tfevents.1795725812.vm.439.3} (560 bytes, 6 records). */
    static final byte[] HP_FILE_BYTES = Base64.getDecoder().decode(
            "SAAAAAAAAAD+kkidCQZVEX0mwtpBGg1icmFpbi5FdmVudDoyUi4KLHRlbnNvcmJvYXJkLnN1bW1hcnkud3JpdGVyLmV2ZW50X2ZpbGVf"
            + "d3JpdGVyKfPdBYIAAAAAAAAAez/DXwm6WRF9JsLaQSp3CnUKFF9ocGFyYW1zXy9leHBlcmltZW50Sl0KWwoHaHBhcmFtcxJQEk4iEQoN"
            + "bGVhcm5pbmdfcmF0ZSADIgcKA3RhdSADIgoKBnNvbHZlciABIgsKB3BsYXN0aWMgAyoMCgoSCGFjY3VyYWN5KgkKBxIFZXJyb3JAdCPS"
            + "lQAAAAAAAADVk6NGCeJZEX0mwtpBKokBCoYBChxfaHBhcmFtc18vc2Vzc2lvbl9zdGFydF9pbmZvSmYKZAoHaHBhcmFtcxJZGlcKGgoN"
            + "bGVhcm5pbmdfcmF0ZRIJEXsUrkfheoQ/ChAKA3RhdRIJEQAAAAAAACRAChQKB3BsYXN0aWMSCREAAAAAAADwPwoRCgZzb2x2ZXISBxoF"
            + "ZXVsZXKvfieCPAAAAAAAAADIt6NSCfJZEX0mwtpBKjEKLwoaX2hwYXJhbXNfL3Nlc3Npb25fZW5kX2luZm9KEQoPCgdocGFyYW1zEgQi"
            + "AggBzs575xwAAAAAAAAAyMGVHQlXWhF9JsLaQSoRCg8KCGFjY3VyYWN5FcP1aD9nFH9hGQAAAAAAAACL8QgoCXxaEX0mwtpBKg4KDAoF"
            + "ZXJyb3IV7FG4PXAlQH0=");

    /** The one record of {@code events.out.tfevents.1795725812.vm.439.0} holding {@code Notes/text_summary}. */
    static final byte[] TEXT_RECORD_BYTES = Base64.getDecoder().decode(
            "SgAAAAAAAACvd9uwCQIhEX0mwtpBKj8KPQoSTm90ZXMvdGV4dF9zdW1tYXJ5Qh0IBxIEEgIIAUITaGVsbG8gKnRlbnNvcmJvYXJkKkoI"
            + "CgYKBHRleHTsyZge");

    private PeerFiles() {
    }

    /** TFRecord: u64 length LE, u32 masked crc32c(length), data, u32 masked crc32c(data). Checks both CRCs. */
    static List<Event> readEvents(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> out = new ArrayList<>();
        while (b.hasRemaining()) {
            int start = b.position();
            long length = b.getLong();
            assertThat(b.getInt()).as("length crc at offset %d", start).isEqualTo(maskedCrc(file, start, 8));
            int dataStart = b.position();
            byte[] data = new byte[Math.toIntExact(length)];
            b.get(data);
            assertThat(b.getInt()).as("data crc at offset %d", start).isEqualTo(maskedCrc(file, dataStart, data.length));
            try {
                out.add(Event.parseFrom(data));
            } catch (IOException e) {
                throw new AssertionError("record at offset " + start + " is not an Event", e);
            }
        }
        return out;
    }

    static int maskedCrc(byte[] bytes, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, off, len);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    static byte[] readPeerFile(String relative) throws IOException {
        return Files.readAllBytes(PEER_DIR.resolve(relative));
    }
}
