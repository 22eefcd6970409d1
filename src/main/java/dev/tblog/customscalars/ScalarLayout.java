package dev.tblog.customscalars;

import dev.tblog.proto.Category;
import dev.tblog.proto.Chart;
import dev.tblog.proto.Layout;
import dev.tblog.proto.MarginChartContent;
import dev.tblog.proto.MultilineChartContent;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A custom_scalars layout, validated as it is built and serialized once at {@link #build}: a list
 * of categories, each a titled list of charts, each chart either a multiline chart (one line per
 * scalar tag that one of its regexes matches) or a margin chart (a value tag drawn with a band
 * between a lower and an upper tag). The bytes are the plugin's {@code Layout} message
 * ({@code proto/layout.proto}), built with the generated classes: once per run, never a hot path.
 *
 * <p>Regexes: TensorBoard matches them with Python's {@code re.match}, i.e. from the start of the
 * tag and not necessarily to its end: {@code loss} matches {@code loss} and {@code loss/train}, not
 * {@code train/loss} (write {@code .*loss}). They are checked here with {@link Pattern}, whose
 * syntax is that of Python for everything common (classes, groups, alternation, quantifiers); keep
 * to that common part.
 *
 * <p>Thread contract: the builder is not thread-safe (confine it to one thread); a built layout is
 * immutable, any thread.
 */
public final class ScalarLayout {
    private final byte[] serialized;
    private final int categories;
    private final int charts;

    private ScalarLayout(byte[] serialized, int categories, int charts) {
        this.serialized = serialized;
        this.categories = categories;
        this.charts = charts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The serialized {@code Layout}; do not modify. */
    public byte[] serialized() {
        return serialized;
    }

    public int categories() {
        return categories;
    }

    /** Charts in all categories. */
    public int charts() {
        return charts;
    }

    @Override
    public String toString() {
        return "ScalarLayout[" + categories + " categories, " + charts + " charts]";
    }

    /**
     * Builds a layout category by category: {@link #category} opens one, the chart methods add to
     * the last one opened.
     *
     * <p>Thread contract: not thread-safe; confine to one thread.
     */
    public static final class Builder {
        private final Layout.Builder layout = Layout.newBuilder();
        private Category.Builder current;
        private int charts;

        private Builder() {
        }

        /**
         * Opens a category (a collapsible section of the dashboard).
         *
         * @throws IllegalArgumentException a null or blank title
         * @throws IllegalStateException the previous category has no chart
         */
        public Builder category(String title) {
            closeCurrent();
            current = Category.newBuilder().setTitle(text(title, "custom scalars category title"));
            return this;
        }

        /** Makes the current category start collapsed. */
        public Builder collapsed() {
            requireCategory("collapsed()");
            current.setClosed(true);
            return this;
        }

        /**
         * A chart with one line per scalar tag (of any run) that one of {@code tagRegexes} matches
         * from the tag's start.
         *
         * @throws IllegalArgumentException a blank title, no regex, a null, blank or invalid regex
         * @throws IllegalStateException no category opened yet
         */
        public Builder multiline(String title, String... tagRegexes) {
            requireCategory("multiline('" + title + "')");
            String t = text(title, "custom scalars chart title");
            if (tagRegexes == null || tagRegexes.length == 0) {
                throw new IllegalArgumentException("multiline chart '" + t + "' needs at least one tag regex");
            }
            MultilineChartContent.Builder content = MultilineChartContent.newBuilder();
            for (String regex : tagRegexes) {
                content.addTag(regex(regex, t));
            }
            current.addChart(Chart.newBuilder().setTitle(t).setMultiline(content));
            charts++;
            return this;
        }

        /**
         * A chart of the scalar tag {@code valueTag} with a band from {@code lowerTag} to
         * {@code upperTag}, three tags of one run, logged at the same steps.
         *
         * @throws IllegalArgumentException a blank title or tag
         * @throws IllegalStateException no category opened yet
         */
        public Builder margin(String title, String valueTag, String lowerTag, String upperTag) {
            requireCategory("margin('" + title + "')");
            String t = text(title, "custom scalars chart title");
            MarginChartContent.Series series = MarginChartContent.Series.newBuilder()
                .setValue(text(valueTag, "margin chart '" + t + "' value tag"))
                .setLower(text(lowerTag, "margin chart '" + t + "' lower tag"))
                .setUpper(text(upperTag, "margin chart '" + t + "' upper tag"))
                .build();
            current.addChart(Chart.newBuilder().setTitle(t).setMargin(MarginChartContent.newBuilder().addSeries(series)));
            charts++;
            return this;
        }

        /**
         * The layout.
         *
         * @throws IllegalStateException no category, or a category without a chart
         */
        public ScalarLayout build() {
            closeCurrent();
            if (layout.getCategoryCount() == 0) {
                throw new IllegalStateException("a custom scalars layout needs at least one category");
            }
            Layout built = layout.build();
            return new ScalarLayout(built.toByteArray(), built.getCategoryCount(), charts);
        }

        private void closeCurrent() {
            if (current == null) {
                return;
            }
            if (current.getChartCount() == 0) {
                throw new IllegalStateException("custom scalars category '" + current.getTitle() + "' has no chart");
            }
            layout.addCategory(current);
            current = null;
        }

        private void requireCategory(String call) {
            if (current == null) {
                throw new IllegalStateException(call + " before any category(...): open a category first");
            }
        }

        private static String text(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be " + (value == null ? "null" : "blank: '" + value + "'"));
            }
            return value;
        }

        private static String regex(String regex, String chart) {
            text(regex, "tag regex of chart '" + chart + "'");
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("tag regex '" + regex + "' of chart '" + chart + "' is invalid: "
                    + e.getDescription(), e);
            }
            return regex;
        }
    }
}
