package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.sink.EventSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression (issue 19 item 3): no single bad sub-run may take the rest of the run down. A sub-run
 * whose event file cannot be opened (here: permission denied in that folder only) used to move the
 * whole logger to the failed state, losing every later event of every run. Now it loses its own
 * events only: each counted in {@code lost}, the loss reported once to the error handler and by
 * the next {@code flush()}, while the main run and the other sub-runs are written whole and later
 * flushes and close return normally.
 */
class SubRunLossTest {
    @TempDir
    Path logdir;

    /** Local files, except that no file can be created in a folder named {@code denied}. */
    private static EventSinkFactory deniedIn(String denied) {
        return (dir, name) -> {
            if (dir.getFileName().toString().equals(denied)) {
                throw new AccessDeniedException(dir.resolve(name).toString());
            }
            return EventSinkFactory.LOCAL_FILES.create(dir, name);
        };
    }

    @Test
    void shouldLoseOnlyTheEventsOfASubRunThatCannotBeOpened() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false")
            .sinkFactory(deniedIn("Loss_bad")).errorHandler(reported::add).build();
        for (int i = 0; i < 100; i++) {
            log.addScalar("main", i, i);
            log.addScalars("Loss", Map.of("good", i, "bad", i), i);
        }
        assertThatThrownBy(log::flush).as("the flush that covers the loss reports it")
            .isInstanceOf(LoggerFailedException.class).hasMessageContaining("Loss_bad").hasMessageContaining("lost 100");
        for (int i = 100; i < 200; i++) {
            log.addScalar("main", i, i);
            log.addScalars("Loss", Map.of("good", i), i);
        }
        assertThatCode(log::flush).as("a later flush whose events were all written").doesNotThrowAnyException();
        log.addScalar("main", 200, 200);
        assertThatCode(log::close).doesNotThrowAnyException();

        LoggerStats s = log.stats();
        assertThat(s.lost()).as(s.toString()).isEqualTo(100);
        assertThat(s.written()).isEqualTo(201 + 200);
        assertThat(s.written() + s.dropped() + s.lost()).isEqualTo(s.published());
        assertThat(s.failures()).as("reported once, not once per event").isEqualTo(1);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).hasMessageContaining("Loss_bad").hasRootCauseInstanceOf(AccessDeniedException.class);

        Path run = logdir.resolve("run");
        assertThat(TestEvents.withTag(TestEvents.read(run), "main")).extracting(Event::getStep).hasSize(201)
            .startsWith(0L, 1L).endsWith(199L, 200L);
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("Loss_good")), "Loss")).hasSize(200);
    }
}
