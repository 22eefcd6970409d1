/**
 * Where the framed records go: the {@link dev.tblog.sink.EventSink} and
 * {@link dev.tblog.sink.EventSinkFactory} SPI, and local files
 * ({@link dev.tblog.sink.EventSinkFactory#LOCAL_FILES}); and where whole files beside the events go
 * (the projector's), each replaced atomically: {@link dev.tblog.sink.AssetSink}, local files by
 * default ({@link dev.tblog.sink.AssetSink#LOCAL_FILES}). Distributed storage (HDFS, S3 through
 * Hadoop's FileSystem) plugs in here, a factory overriding {@code assetSink()} too.
 *
 * <p>Thread contract: sinks are used by the consumer thread only; factories from any thread.
 */
package dev.tblog.sink;
