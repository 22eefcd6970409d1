package dev.tblog.mesh;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One {@code addMesh} call as it travels through the ring: the tensors' bytes in pooled arrays
 * (vertices as little-endian float32, faces as little-endian int32, colours as unsigned bytes; each
 * array at least as long as needed), their counts and the scene configuration. Plain data;
 * {@link MeshEncoder} writes it.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled arrays go back to
 * the pool exactly once, in {@link #release}.
 */
final class MeshPayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final int vertexCount;
    private final int faceCount;
    private final byte[] vertices;
    private final byte[] faces;
    private final byte[] colors;
    private final String configJson;

    /**
     * @param faces, colors null when the mesh has none
     */
    MeshPayload(PayloadPool pool, String tag, long step, int vertexCount, int faceCount, byte[] vertices,
                byte[] faces, byte[] colors, String configJson) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.vertexCount = vertexCount;
        this.faceCount = faceCount;
        this.vertices = vertices;
        this.faces = faces;
        this.colors = colors;
        this.configJson = configJson;
    }

    @Override
    public PayloadKind<MeshEncoder> kind() {
        return MeshEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(MeshEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        pool.release(vertices);
        if (faces != null) {
            pool.release(faces);
        }
        if (colors != null) {
            pool.release(colors);
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    int vertexCount() {
        return vertexCount;
    }

    int faceCount() {
        return faceCount;
    }

    /** Little-endian float32 {@code x, y, z}, {@code 12 * vertexCount} bytes used. */
    byte[] vertices() {
        return vertices;
    }

    /** Little-endian int32 indices, {@code 12 * faceCount} bytes used; null when none. */
    byte[] faces() {
        return faces;
    }

    /** {@code r, g, b}, {@code 3 * vertexCount} bytes used; null when none. */
    byte[] colors() {
        return colors;
    }

    String configJson() {
        return configJson;
    }

    @Override
    public String toString() {
        return "MeshPayload[" + tag + ", step " + step + ", " + vertexCount + " vertices, " + faceCount + " faces"
            + (colors == null ? "" : ", colors") + "]";
    }
}
