/**
 * The mesh kind ({@code addMesh}), in one place: the validated mesh ({@link dev.tblog.mesh.MeshData}:
 * vertices, faces, colours, scene configuration as JSON), the producer half
 * ({@link dev.tblog.mesh.MeshProducer}: the tensors' bytes made on the caller's thread into pooled
 * arrays), the plain-data payload, and the consumer half ({@code MeshEncoder}: TensorBoard's mesh
 * summaries {@code <tag>_VERTEX}, {@code _FACE}, {@code _COLOR}).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.mesh;
