package dev.tblog.text;

import dev.tblog.ring.Publisher;

import java.nio.charset.StandardCharsets;

/**
 * The producer half of the text kind ({@code addText}): the text's UTF-8 bytes are made on the
 * caller's thread and published under the overflow policy (a dropped text is counted as "text").
 * Written as the Python writers write it: tag {@code <tag>/text_summary}, plugin "text", a string
 * tensor of shape [1].
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class TextProducer {
    /** Plugin name in {@code SummaryMetadata.plugin_data.plugin_name}. */
    public static final String PLUGIN_NAME = "text";
    /** Suffix the Python writers append to the user's tag. */
    public static final String TAG_SUFFIX = "/text_summary";

    private final Publisher publisher;

    public TextProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /** The tag a text is written under: {@code tag + "/text_summary"}. */
    public static String fullTag(String tag) {
        return tag + TAG_SUFFIX;
    }

    /**
     * Logs a text at {@code step}.
     *
     * @param tag already validated
     * @param markdown not null
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, String markdown, long step) {
        publisher.ensureOpen();
        publisher.publish(new TextPayload(fullTag(tag), step, markdown.getBytes(StandardCharsets.UTF_8)));
    }
}
