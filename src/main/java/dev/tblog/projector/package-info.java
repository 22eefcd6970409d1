/**
 * The embedding kind ({@code addEmbedding}) for TensorBoard's PROJECTOR, in one place: the
 * validated embedding ({@link dev.tblog.projector.EmbeddingData}: matrix, metadata, thumbnails),
 * the producer half ({@link dev.tblog.projector.EmbeddingProducer}: pooled copies on the caller's
 * thread), the plain-data payload, and the consumer half ({@code EmbeddingEncoder}): the projector's
 * files in the run's {@code plugins/org_tensorflow_tensorboard_projector/} folder, each written
 * atomically through the storage's asset sink, and the config rebuilt from one entry per call so
 * that loggers and processes sharing a run never lose each other's embeddings
 * ({@code ProjectorConfigFile}).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.projector;
