package dev.tblog.bench;

import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import org.openjdk.jmh.annotations.Param;

/** Size against time for each deflate level and filter. */
public class PngLevelBenchmark extends PngSettingsSweep {
    @Param({"100x100", "512x512"})
    public String size;

    @Param({"0", "1", "6", "9"})
    public int level;

    @Param({"NONE", "SUB", "UP", "ADAPTIVE"})
    public PngFilter filter;

    @Override
    protected String size() {
        return size;
    }

    @Override
    protected PngEncoder newEncoder() {
        return new PngEncoder(level, filter);
    }

    @Override
    protected String describe() {
        return "level=" + level + " filter=" + filter;
    }
}
