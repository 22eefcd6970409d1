package dev.tblog.mesh;

import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The producer half of the mesh kind ({@code addMesh}): copies the caller's vertices, faces and
 * colours into pooled byte arrays, already in the tensors' wire form (little-endian float32 and
 * int32, as {@code tensor_content} holds them; colours as they are), and publishes a
 * {@link MeshPayload} under the overflow policy (a dropped mesh is counted as "mesh").
 *
 * <p>The face indices are checked again while they are copied: the arrays are the caller's until
 * the call returns, and an index out of range would make TensorBoard draw garbage.
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class MeshProducer {
    private final Publisher publisher;

    public MeshProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /** The tag whose automatic steps a mesh call without a step counts: its vertex summary's. */
    public static String autoStepTag(String tag) {
        return tag + "_VERTEX";
    }

    /**
     * Logs one mesh at {@code step}.
     *
     * @param tag already validated; the three summaries are {@code <tag>_VERTEX}, {@code _FACE}, {@code _COLOR}
     * @throws IllegalArgumentException a face index that changed out of range since the mesh was made
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, MeshData mesh, long step) {
        publisher.ensureOpen();
        PayloadPool pool = publisher.pool();
        int n = mesh.vertexCount();
        byte[] vertices = publisher.bytes(n * 3 * Float.BYTES, MeshEncoder.KIND);
        if (vertices == null) {
            return;
        }
        byte[] faces = null;
        byte[] colors = null;
        try {
            copyVertices(mesh, vertices);
            if (mesh.faces() != null) {
                faces = publisher.bytes(mesh.faces().length * Integer.BYTES, MeshEncoder.KIND);
                if (faces == null) {
                    pool.release(vertices);
                    return;
                }
                copyFaces(mesh.faces(), n, faces);
            }
            if (mesh.colors() != null) {
                colors = publisher.bytes(mesh.colors().length, MeshEncoder.KIND);
                if (colors == null) {
                    pool.release(vertices);
                    if (faces != null) {
                        pool.release(faces);
                    }
                    return;
                }
                System.arraycopy(mesh.colors(), 0, colors, 0, mesh.colors().length);
            }
        } catch (RuntimeException | Error e) {
            pool.release(vertices);
            if (faces != null) {
                pool.release(faces);
            }
            throw e;
        }
        publisher.publish(new MeshPayload(pool, tag, step, n, mesh.faceCount(), vertices, faces, colors,
            mesh.configJson()));
    }

    private static void copyVertices(MeshData mesh, byte[] dst) {
        ByteBuffer out = ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN);
        if (mesh.floatVertices() != null) {
            out.asFloatBuffer().put(mesh.floatVertices());
        } else {
            double[] xyz = mesh.doubleVertices();
            for (int i = 0; i < xyz.length; i++) {
                out.putFloat(i * Float.BYTES, (float) xyz[i]);
            }
        }
    }

    private static void copyFaces(int[] faces, int vertexCount, byte[] dst) {
        MeshData.checkFaceIndices(faces, vertexCount);
        ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(faces);
    }
}
