package dev.tblog.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local-file sink: creates its folder, never truncates a file that exists, appends every byte. */
class FileChannelSinkTest {
    @TempDir
    Path dir;

    @Test
    void shouldCreateTheFolderAndAppendEveryByteOfEachWrite() throws Exception {
        Path run = dir.resolve("a/b/run");
        try (EventSink sink = EventSinkFactory.LOCAL_FILES.create(run, "events.out.tfevents.1")) {
            ByteBuffer first = ByteBuffer.wrap("hello ".getBytes(StandardCharsets.US_ASCII));
            sink.write(first);
            assertThat(first.hasRemaining()).as("the position advances to the limit").isFalse();
            ByteBuffer direct = ByteBuffer.allocateDirect(5).put("world".getBytes(StandardCharsets.US_ASCII)).flip();
            sink.write(direct);
            sink.force();
            assertThat(sink.size()).isEqualTo(11);
            assertThat(sink.describe()).isEqualTo(run.resolve("events.out.tfevents.1").toString());
        }
        assertThat(Files.readString(run.resolve("events.out.tfevents.1"), StandardCharsets.US_ASCII))
            .isEqualTo("hello world");
    }

    @Test
    void shouldRefuseAFileThatExistsAndLeaveItAsItWas() throws Exception {
        Path existing = Files.writeString(dir.resolve("events.out.tfevents.1"), "keep me");
        assertThatThrownBy(() -> EventSinkFactory.LOCAL_FILES.create(dir, "events.out.tfevents.1"))
            .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void shouldFailToWriteAfterClose() throws Exception {
        EventSink sink = EventSinkFactory.LOCAL_FILES.create(dir, "events.out.tfevents.2");
        sink.close();
        assertThatThrownBy(() -> sink.write(ByteBuffer.wrap(new byte[1]))).isInstanceOf(java.io.IOException.class);
    }
}
