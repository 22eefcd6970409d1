package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static dev.tblog.tensorboard.Json.longs;
import static dev.tblog.tensorboard.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TEXT as TensorBoard shows what tblog wrote: each step's Markdown rendered to HTML (headings,
 * tables, code, emphasis, lists, fenced code), non-ASCII text intact.
 */
class TextDashboardTest {
    private static final String RUN = "notes";
    private static final String NOTES = """
        ### Run lr-0.01
        | parameter | value |
        |---|---|
        | solver | `EULER` |
        | plastic | true |

        Diverged once at step 412, *recovered* after a restart.
        """;
    private static final String SUMMARY = "Final accuracy: **0.91**";
    private static final String UNICODE = "Größe ≤ 5 µm, 温度 → 37 °C";
    private static final String STEPS_AND_CODE = """
        - first step
        - second step

        ```
        log.addText("Notes", text);
        ```
        """;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(TextDashboardTest::write);

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            LogCalls.text(log, "Notes", NOTES, 0);
            LogCalls.text(log, "Notes", SUMMARY, 1);
            LogCalls.text(log, "Units", UNICODE, 5);
            LogCalls.text(log, "Units", STEPS_AND_CODE, 6);
        }
    }

    @Test
    void shouldUseTheTagsOfThePythonWriters() {
        assertThat(texts(tensorBoard.get("/data/plugin/text/tags").get(RUN)))
            .containsExactlyInAnyOrder("Notes/text_summary", "Units/text_summary");
    }

    @Test
    void shouldRenderMarkdownAtEachStep() {
        JsonNode notes = text("Notes/text_summary");
        assertThat(longs(notes, "step")).containsExactly(0L, 1L);
        assertThat(html(notes, 0)).contains("<h3>Run lr-0.01</h3>", "<th>parameter</th>", "<th>value</th>",
            "<td><code>EULER</code></td>", "<td>true</td>", "<em>recovered</em>");
        assertThat(html(notes, 1)).contains("Final accuracy: <strong>0.91</strong>");
    }

    @Test
    void shouldShowNonAsciiTextListsAndCodeIntact() {
        JsonNode units = text("Units/text_summary");
        assertThat(longs(units, "step")).containsExactly(5L, 6L);
        assertThat(html(units, 0)).contains(UNICODE);
        assertThat(html(units, 1)).contains("<li>first step</li>", "<li>second step</li>",
            "<code>log.addText(&quot;Notes&quot;, text);");
    }

    private static JsonNode text(String tag) {
        return tensorBoard.get("/data/plugin/text/text", "run", RUN, "tag", tag);
    }

    private static String html(JsonNode entries, int index) {
        return entries.get(index).get("text").asText();
    }
}
