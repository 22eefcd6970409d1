/**
 * tblog: asynchronous logging to TensorBoard.
 *
 * <p>This descriptor is added to the library jar after shading (see pom.xml), so it describes the
 * jar users get: tblog's API packages are exported; everything else, tblog's internals and the
 * libraries relocated under {@code dev.tblog.internal} (Disruptor, Netty, protobuf, JCTools), is
 * hidden. The export list is the public API: edit it here, and only here.
 */
module dev.tblog {
    exports dev.tblog;
    exports dev.tblog.config;
    exports dev.tblog.sink;
    exports dev.tblog.read;
    exports dev.tblog.jmh;

    // BufferedImage and Graphics2D are in the API (addFigure): a module reading tblog reads them too.
    requires transitive java.desktop;
    // JFreeChartFigure only, for applications that bring JFreeChart (optional dependency).
    requires static org.jfree.jfreechart;
    // HadoopStorage only, for applications that log to HDFS or object stores and bring Hadoop's
    // shaded client (optional dependency; an automatic module named after its jar). An application on
    // the module path adds it to the graph: requires hadoop.client.api, or --add-modules.
    requires static hadoop.client.api;
    // TensorBoardProfiler only, which runs inside JMH (optional dependency; JMH's jar is the
    // automatic module jmh.core).
    requires static jmh.core;

    // What the relocated internals need, as their own modules declare: Netty and protobuf log through
    // java.util.logging (silent by default) and use sun.misc.Unsafe on JDKs that still allow it;
    // Netty's allocator emits JFR events when JFR is present.
    requires java.logging;
    requires jdk.unsupported;
    requires static jdk.jfr;
}
