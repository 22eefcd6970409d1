package dev.tblog;

import dev.tblog.customscalars.ScalarLayout;

/**
 * A layout for TensorBoard's CUSTOM SCALARS tab, for {@link Logger#addCustomScalars(CustomScalars)}:
 * categories (collapsible sections), each with charts that gather scalar tags the SCALARS tab shows
 * apart: a <b>multiline</b> chart draws every tag that one of its regexes matches; a <b>margin</b>
 * chart draws a value with a band between a lower and an upper tag.
 * <pre>{@code
 * log.addCustomScalars(CustomScalars.builder()
 *     .category("Learning")
 *         .multiline("Accuracy, all splits", "Accuracy")          // Accuracy and Accuracy/Split...
 *         .margin("Error with its spread", "Error", "Error/low", "Error/high")
 *     .category("Plasticity").collapsed()
 *         .multiline("Rates", "Plasticity/.*")
 *     .build());
 * }</pre>
 *
 * <p><b>Regexes match from the start of the tag</b> (TensorBoard uses Python's {@code re.match}),
 * and need not reach its end: {@code Accuracy} matches {@code Accuracy} and
 * {@code Accuracy/Split}, but {@code loss} does not match {@code train/loss}: write {@code .*loss}.
 * A chart shows the matching tags of every run. Keep to the regex syntax Java and Python share.
 *
 * <p>Validated as it is built, naming the value: a null or blank title or tag
 * ({@link IllegalArgumentException}), an invalid regex ({@link IllegalArgumentException}), a chart
 * before any category, a category without a chart, no category at all ({@link IllegalStateException}).
 *
 * <p>Thread contract: a built layout is immutable, any thread; its builder is confined to one thread.
 */
public final class CustomScalars {
    private final ScalarLayout layout;

    private CustomScalars(ScalarLayout layout) {
        this.layout = layout;
    }

    /** {@return a new, empty layout builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of categories in the layout} */
    public int categories() {
        return layout.categories();
    }

    /** {@return the number of charts in all categories} */
    public int charts() {
        return layout.charts();
    }

    ScalarLayout layout() {
        return layout;
    }

    @Override
    public String toString() {
        return "CustomScalars[" + categories() + " categories, " + charts() + " charts]";
    }

    /**
     * Builds a layout category by category: {@link #category} opens one, the chart methods add to
     * the one opened last.
     *
     * <p>Thread contract: not thread-safe; confine to one thread.
     */
    public static final class Builder {
        private final ScalarLayout.Builder layout = ScalarLayout.builder();

        private Builder() {
        }

        /**
         * Opens a category titled {@code title}.
         *
         * @param title the category's title, not null or blank
         * @return this builder
         */
        public Builder category(String title) {
            layout.category(title);
            return this;
        }

        /**
         * Makes the category opened last start collapsed.
         *
         * @return this builder
         */
        public Builder collapsed() {
            layout.collapsed();
            return this;
        }

        /**
         * A chart with a line per scalar tag that one of {@code tagRegexes} matches from the tag's start.
         *
         * @param title the chart's title, not null or blank
         * @param tagRegexes at least one regex, none null, blank or invalid
         * @return this builder
         */
        public Builder multiline(String title, String... tagRegexes) {
            layout.multiline(title, tagRegexes);
            return this;
        }

        /**
         * A chart of {@code valueTag} with a band from {@code lowerTag} to {@code upperTag}.
         *
         * @param title the chart's title, not null or blank
         * @param valueTag the scalar tag drawn as the line, not null or blank
         * @param lowerTag the scalar tag of the band's lower edge, logged at the same steps, not null or blank
         * @param upperTag the scalar tag of the band's upper edge, logged at the same steps, not null or blank
         * @return this builder
         */
        public Builder margin(String title, String valueTag, String lowerTag, String upperTag) {
            layout.margin(title, valueTag, lowerTag, upperTag);
            return this;
        }

        /**
         * The layout; see the class Javadoc for what is refused.
         *
         * @return the immutable layout of the categories and charts added so far
         */
        public CustomScalars build() {
            return new CustomScalars(layout.build());
        }
    }
}
