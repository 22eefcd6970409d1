package dev.tblog.bench;

import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import org.openjdk.jmh.annotations.Param;

import java.util.zip.Deflater;

/**
 * Deflate strategy against time and size for large gray pictures (the 512x512 target): level 1 with
 * the default strategy, {@code FILTERED}, {@code HUFFMAN_ONLY}, and level 0.
 */
public class PngStrategyBenchmark extends PngSettingsSweep {
    @Param({"512x512"})
    public String size;

    @Param({"DEFAULT", "FILTERED", "HUFFMAN_ONLY", "STORED"})
    public String strategy;

    @Param({"UP", "SUB"})
    public PngFilter filter;

    @Override
    protected String size() {
        return size;
    }

    @Override
    protected PngEncoder newEncoder() {
        return switch (strategy) {
            case "DEFAULT" -> new PngEncoder(1, filter, Deflater.DEFAULT_STRATEGY);
            case "FILTERED" -> new PngEncoder(1, filter, Deflater.FILTERED);
            case "HUFFMAN_ONLY" -> new PngEncoder(1, filter, Deflater.HUFFMAN_ONLY);
            default -> new PngEncoder(0, filter);
        };
    }

    @Override
    protected String describe() {
        return "strategy=" + strategy + " filter=" + filter;
    }
}
