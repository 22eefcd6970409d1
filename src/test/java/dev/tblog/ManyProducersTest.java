package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.read.RecordReader;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * 8 producer threads x 1,000,000 addScalar under block: every event written once, each producer's in
 * order; on a small ring where callers poll, and on the default ring where they sleep on a full ring
 * and take turns ({@code ring.producersTakeTurns}), or do not.
 */
@ExtendWith(SimpleLeakDetection.class)
class ManyProducersTest {
    private static final int PRODUCERS = 8;
    private static final int PER_PRODUCER = 1_000_000;

    @TempDir
    Path logdir;

    @ParameterizedTest(name = "ring.size={0}, ring.producersTakeTurns={1}")
    @CsvSource({"4096, true", "65536, true", "65536, false"})
    void shouldWriteEveryEventOfEveryProducerInItsOrder(int ringSize, boolean takeTurns) throws Exception {
        Logger log = Logger.builder().logdir(logdir).experiment("load")
            .set("shutdownHook.enabled", "false").set("ring.size", String.valueOf(ringSize))
            .set("ring.producersTakeTurns", String.valueOf(takeTurns)).build();
        String[] tags = new String[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++) {
            tags[p] = "producer/" + p;
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            String tag = tags[p];
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_PRODUCER; i++) {
                    log.addScalar(tag, i, i);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        log.close();

        long[] next = new long[PRODUCERS];
        long total = 0;
        for (Path file : TestEvents.eventFiles(log.runDir())) {
            try (RecordReader reader = RecordReader.open(file)) {
                reader.next();
                for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                    Event e = Event.parseFrom(r.data());
                    for (int v = 0; v < e.getSummary().getValueCount(); v++) {
                        String tag = e.getSummary().getValue(v).getTag();
                        int p = tag.charAt(tag.length() - 1) - '0';
                        float value = e.getSummary().getValue(v).getSimpleValue();
                        // Plain checks: an AssertJ chain per event would dominate the test's time.
                        if (e.getStep() != next[p] || value != (float) next[p]) {
                            fail("producer %d: expected step %d, found step %d value %s at offset %d of %s", p,
                                next[p], e.getStep(), value, r.offset(), file);
                        }
                        next[p]++;
                        total++;
                    }
                }
                assertThat(reader.tornTailOffset()).isEqualTo(-1);
            }
        }
        assertThat(total).isEqualTo((long) PRODUCERS * PER_PRODUCER);
        assertThat(next).containsOnly(PER_PRODUCER);
        LoggerStats stats = log.stats();
        assertThat(stats.published()).isEqualTo(total);
        assertThat(stats.written()).isEqualTo(total);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.lost()).isZero();
    }
}
