package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the README sections "Creating the logger" and "Logging scalars", kept compiling
 * and running. {@code new Logger()} writes under {@code ./runs}; here the same code runs with
 * {@code new Logger(logdir)}, the next form the README shows, so that the test writes nothing into
 * the working folder.
 */
class ReadmeScalarsExampleTest {
    @TempDir
    Path logdir;

    @Test
    void shouldRunTheReadmeExamples() {
        System.setProperty("tblog.shutdownHook.enabled", "false");
        Path runDir;
        try (Logger logger = new Logger(logdir)) {   // logdir/<MonDD_HH-mm-ss>_<hostname>
            runDir = logger.runDir();
            for (long step = 0; step < 3; step++) {
                double accuracy = step / 10.0;
                double trainAccuracy = step / 5.0;
                double trainLoss = 1.0 / (step + 1);
                double testLoss = 2.0 / (step + 1);
                logger.addScalar("Accuracy", accuracy, step);
                logger.addScalar("Accuracy/Train", trainAccuracy, step);   // '/' groups charts
                logger.addScalars("Loss", Map.of("train", trainLoss, "test", testLoss), step);
            }
        } finally {
            System.clearProperty("tblog.shutdownHook.enabled");
        }
        assertThat(runDir.getParent()).isEqualTo(logdir);
        List<Event> events = TestEvents.read(runDir);
        assertThat(TestEvents.withTag(events, "Accuracy")).extracting(Event::getStep).containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(events, "Accuracy/Train")).hasSize(3);
        assertThat(TestEvents.withTag(TestEvents.read(runDir.resolve("Loss_train")), "Loss"))
            .extracting(e -> e.getSummary().getValue(0).getSimpleValue()).containsExactly(1.0f, 0.5f, 1.0f / 3);
        assertThat(TestEvents.withTag(TestEvents.read(runDir.resolve("Loss_test")), "Loss")).hasSize(3);
    }
}
