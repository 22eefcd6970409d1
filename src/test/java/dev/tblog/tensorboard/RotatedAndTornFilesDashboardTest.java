package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.tblog.tensorboard.Json.longs;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TensorBoard's own view of files that were not written in one piece: a run tblog rotated over
 * several files ({@code file.maxBytes}) reads as one run with every point; a run whose last record
 * was torn (a crash mid-write, cut here in its length header, its data or its data CRC) shows every
 * record before the tear, and, when the simulation restarted into the same run, every record after.
 */
class RotatedAndTornFilesDashboardTest {
    private static final int ROTATED_POINTS = 10_000;
    private static final int PICTURE_EVERY = 1000;
    private static final int TORN_POINTS = 100;
    /** Runs whose last record is cut: in its length header, in its data, in its data CRC. */
    private static final List<String> TEARS = List.of("header", "data", "crc");
    private static final int RESUMED_POINTS = 150;

    /** Event files of the rotated run, counted on disk before TensorBoard reads them. */
    private static int rotatedFiles;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(RotatedAndTornFilesDashboardTest::write);

    private static double value(int step) {
        return Math.sqrt(step) - 3.25;
    }

    private static void write(Path logdir) throws IOException {
        try (Logger log = LogCalls.logger(logdir, "rotated", "file.maxBytes", "65536", "write.thresholdBytes", "4096")) {
            for (int step = 0; step < ROTATED_POINTS; step++) {
                LogCalls.scalar(log, "x", value(step), step);
                if (step % PICTURE_EVERY == 0) {
                    float[] picture = new float[16 * 16];
                    Arrays.fill(picture, step / (float) ROTATED_POINTS);
                    LogCalls.grayImage(log, "picture", picture, 16, 16, step, false);
                }
            }
        }
        rotatedFiles = eventFiles(logdir.resolve("rotated")).size();
        for (String tear : TEARS) {
            try (Logger log = LogCalls.logger(logdir, "torn-in-" + tear)) {
                for (int step = 0; step < TORN_POINTS; step++) {
                    LogCalls.scalar(log, "x", value(step), step);
                }
            }
            tearLastRecord(logdir.resolve("torn-in-" + tear), tear);
        }
        // A crash, then the simulation restarts into the same run and goes on from its last good step.
        try (Logger log = LogCalls.logger(logdir, "resumed")) {
            for (int step = 0; step < TORN_POINTS; step++) {
                LogCalls.scalar(log, "x", value(step), step);
            }
        }
        tearLastRecord(logdir.resolve("resumed"), "data");
        try (Logger log = LogCalls.logger(logdir, "resumed")) {
            for (int step = TORN_POINTS - 1; step < RESUMED_POINTS; step++) {
                LogCalls.scalar(log, "x", value(step), step);
            }
        }
    }

    @Test
    void shouldShowARotatedRunAsOneRunWithEveryPointAndPicture() {
        assertThat(rotatedFiles).as("files of the rotated run").isGreaterThanOrEqualTo(4);
        JsonNode points = tensorBoard.get("/data/plugin/scalars/scalars", "run", "rotated", "tag", "x");
        assertThat(points).hasSize(ROTATED_POINTS);
        for (int step = 0; step < ROTATED_POINTS; step++) {
            assertThat(points.get(step).get(1).asLong()).isEqualTo(step);
            assertThat(number(points.get(step).get(2))).as("step %d", step).isEqualTo((double) (float) value(step));
        }
        JsonNode pictures = tensorBoard.get("/data/plugin/images/images", "run", "rotated", "tag", "picture");
        assertThat(longs(pictures, "step")).containsExactlyElementsOf(
            LongStream.range(0, ROTATED_POINTS / PICTURE_EVERY).map(k -> k * PICTURE_EVERY).boxed().collect(Collectors.toList()));
    }

    @Test
    void shouldShowEveryRecordBeforeATear() {
        for (String tear : TEARS) {
            JsonNode points = tensorBoard.get("/data/plugin/scalars/scalars", "run", "torn-in-" + tear, "tag", "x");
            assertThat(longs(points, 1)).as("torn in the %s", tear).containsExactlyElementsOf(
                LongStream.range(0, TORN_POINTS - 1).boxed().collect(Collectors.toList()));
            for (int step = 0; step < TORN_POINTS - 1; step++) {
                assertThat(number(points.get(step).get(2))).isEqualTo((double) (float) value(step));
            }
        }
    }

    @Test
    void shouldShowBothFilesInOrderForARunResumedAfterATornRecord() {
        JsonNode points = tensorBoard.get("/data/plugin/scalars/scalars", "run", "resumed", "tag", "x");
        assertThat(longs(points, 1)).containsExactlyElementsOf(
            LongStream.range(0, RESUMED_POINTS).boxed().collect(Collectors.toList()));
        for (int step = 0; step < RESUMED_POINTS; step++) {
            assertThat(number(points.get(step).get(2))).isEqualTo((double) (float) value(step));
        }
    }

    private static List<Path> eventFiles(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().contains("tfevents")).sorted().collect(Collectors.toList());
        }
    }

    /**
     * Cuts the last record of the run's last file (TFRecord framing: u64 length, u32 CRC of it, data,
     * u32 CRC of the data; little-endian), after checking it is the last point logged.
     */
    private static void tearLastRecord(Path run, String where) throws IOException {
        List<Path> files = eventFiles(run);
        Path last = files.get(files.size() - 1);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(last)).order(ByteOrder.LITTLE_ENDIAN);
        int start = 0;
        int length = 0;
        for (int at = 0; at < bytes.limit(); at += 8 + 4 + length + 4) {
            start = at;
            length = Math.toIntExact(bytes.getLong(at));
        }
        assertThat(start + 16 + length).as("framing of %s", last).isEqualTo(bytes.limit());
        Event lastEvent = Event.parseFrom(bytes.slice(start + 12, length));
        assertThat(lastEvent.getStep()).isEqualTo(TORN_POINTS - 1);
        assertThat(lastEvent.getSummary().getValue(0).getTag()).isEqualTo("x");
        int cut = switch (where) {
            case "header" -> start + 5;
            case "data" -> start + 12 + length / 2;
            case "crc" -> start + 12 + length + 2;
            default -> throw new IllegalArgumentException(where);
        };
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
    }
}
