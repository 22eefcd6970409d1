/**
 * Where the framed records go: the {@link dev.tblog.sink.EventSink} and
 * {@link dev.tblog.sink.EventSinkFactory} SPI, and local files
 * ({@link dev.tblog.sink.EventSinkFactory#LOCAL_FILES}). Distributed storage (HDFS, S3 through
 * Hadoop's FileSystem) plugs in here.
 *
 * <p>Thread contract: sinks are used by the consumer thread only; factories from any thread.
 */
package dev.tblog.sink;
