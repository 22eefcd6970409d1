package dev.tblog;

import dev.tblog.sink.EventSink;
import dev.tblog.sink.EventSinkFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Fault-injecting sinks: local files (EventSinkFactory.LOCAL_FILES) that fail or hang on command. */
final class FaultySinks {
    private FaultySinks() {
    }

    /** Writes fail with "No space left on device" once this many bytes were written in total (all files). */
    static EventSinkFactory diskFullAfter(long bytes) {
        AtomicLong total = new AtomicLong();
        return (dir, name) -> new Wrapped(EventSinkFactory.LOCAL_FILES.create(dir, name)) {
            @Override
            public void write(ByteBuffer b) throws IOException {
                if (total.addAndGet(b.remaining()) > bytes) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }
        };
    }

    /** fsync fails. */
    static EventSinkFactory fsyncFails() {
        return (dir, name) -> new Wrapped(EventSinkFactory.LOCAL_FILES.create(dir, name)) {
            @Override
            public void force() throws IOException {
                throw new IOException("Input/output error (fsync)");
            }
        };
    }

    /** After the first file's header, every write hangs until the latch opens (a hung disk). */
    static EventSinkFactory hangingUntil(CountDownLatch release) {
        return (dir, name) -> new Wrapped(EventSinkFactory.LOCAL_FILES.create(dir, name)) {
            private boolean headerWritten;

            @Override
            public void write(ByteBuffer b) throws IOException {
                if (headerWritten) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                headerWritten = true;
                super.write(b);
            }
        };
    }

    private static class Wrapped implements EventSink {
        private final EventSink inner;

        Wrapped(EventSink inner) {
            this.inner = inner;
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            inner.write(bytes);
        }

        @Override
        public void force() throws IOException {
            inner.force();
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

}
