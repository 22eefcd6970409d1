package dev.tblog.mesh;

import java.util.Map;

/**
 * What one mesh call logs, validated when it is made: the caller's vertices ({@code float[]} or
 * {@code double[]}, {@code N x 3}), optional faces ({@code M x 3} vertex indices) and colours
 * ({@code N x 3} unsigned bytes), and the scene configuration as JSON. It refers to the caller's
 * arrays and copies nothing; {@link MeshProducer} copies them during the call.
 *
 * <p>Every instance is valid: {@code N >= 1}, lengths multiples of 3, colours one per vertex, every
 * face index in {@code [0, N)}.
 *
 * <p>Thread contract: immutable, any thread; the caller's arrays must not change until the call that
 * logs it returns.
 */
public final class MeshData {
    /** The scene configuration TensorBoard's mesh writers store when none is given. */
    public static final String EMPTY_CONFIG = "{}";
    /** The most bytes one part's tensor may hold (the largest pooled array). */
    static final long MAX_TENSOR_BYTES = 1L << 30;

    private final float[] floatVertices;
    private final double[] doubleVertices;
    private final int vertexCount;
    private final int[] faces;
    private final byte[] colors;
    private final String configJson;

    private MeshData(float[] floatVertices, double[] doubleVertices, int vertexCount, int[] faces, byte[] colors,
                     String configJson) {
        this.floatVertices = floatVertices;
        this.doubleVertices = doubleVertices;
        this.vertexCount = vertexCount;
        this.faces = faces;
        this.colors = colors;
        this.configJson = configJson;
    }

    /**
     * Vertices {@code (x, y, z)} one after the other.
     *
     * @throws IllegalArgumentException null, empty, or a length that is not a multiple of 3
     */
    public static MeshData of(float[] xyz) {
        return new MeshData(xyz, null, vertexCount(xyz == null ? -1 : xyz.length), null, null, EMPTY_CONFIG);
    }

    /** As {@link #of(float[])}, for doubles (stored as 32-bit floats, as TensorBoard's writers do). */
    public static MeshData of(double[] xyz) {
        return new MeshData(null, xyz, vertexCount(xyz == null ? -1 : xyz.length), null, null, EMPTY_CONFIG);
    }

    private static int vertexCount(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("mesh vertices must not be null");
        }
        if (length == 0 || length % 3 != 0) {
            throw new IllegalArgumentException("mesh vertices are (x, y, z) triples: length must be a positive multiple of 3, was "
                + length);
        }
        if ((long) length * Float.BYTES > MAX_TENSOR_BYTES) {
            throw new IllegalArgumentException("mesh of " + length / 3 + " vertices is too large: at most "
                + MAX_TENSOR_BYTES / 12 + " vertices");
        }
        return length / 3;
    }

    /**
     * This mesh with triangles: vertex indices {@code (a, b, c)} one triangle after the other.
     *
     * @throws IllegalArgumentException null, empty, a length that is not a multiple of 3, an index
     *     outside {@code [0, N)} (naming it and its position)
     */
    public MeshData faces(int[] triangles) {
        if (triangles == null) {
            throw new IllegalArgumentException("mesh faces must not be null");
        }
        if (triangles.length == 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh faces are (a, b, c) vertex index triples: length must be a positive "
                + "multiple of 3, was " + triangles.length);
        }
        if ((long) triangles.length * Integer.BYTES > MAX_TENSOR_BYTES) {
            throw new IllegalArgumentException("mesh of " + triangles.length / 3 + " faces is too large: at most "
                + MAX_TENSOR_BYTES / 12 + " faces");
        }
        checkFaceIndices(triangles, vertexCount);
        return new MeshData(floatVertices, doubleVertices, vertexCount, triangles, colors, configJson);
    }

    /**
     * This mesh with a colour per vertex: {@code (r, g, b)} unsigned bytes, 0..255.
     *
     * @throws IllegalArgumentException null, or a length other than {@code 3 * N}
     */
    public MeshData colors(byte[] rgb) {
        if (rgb == null) {
            throw new IllegalArgumentException("mesh colors must not be null");
        }
        if (rgb.length != 3 * vertexCount) {
            throw new IllegalArgumentException("mesh colors are (r, g, b) per vertex: " + vertexCount + " vertices need "
                + 3 * vertexCount + " bytes, array has " + rgb.length);
        }
        return new MeshData(floatVertices, doubleVertices, vertexCount, faces, rgb, configJson);
    }

    /**
     * This mesh with a scene configuration (camera, lights, material), written as JSON with sorted
     * keys as TensorBoard's writers write their {@code config_dict}; see {@link SceneJson}.
     *
     * @throws IllegalArgumentException a null map or a value JSON cannot hold
     */
    public MeshData config(Map<String, ?> scene) {
        return new MeshData(floatVertices, doubleVertices, vertexCount, faces, colors, SceneJson.of(scene));
    }

    /**
     * Checks every face index against the vertex count.
     *
     * @throws IllegalArgumentException the first index outside {@code [0, vertexCount)}
     */
    static void checkFaceIndices(int[] faces, int vertexCount) {
        for (int i = 0; i < faces.length; i++) {
            int v = faces[i];
            if (v < 0 || v >= vertexCount) {
                throw new IllegalArgumentException("mesh face " + i / 3 + " (index " + i + ") names vertex " + v
                    + ": there are " + vertexCount + " vertices, 0 to " + (vertexCount - 1));
            }
        }
    }

    public int vertexCount() {
        return vertexCount;
    }

    /** Triangles, 0 when the mesh has none. */
    public int faceCount() {
        return faces == null ? 0 : faces.length / 3;
    }

    public boolean hasColors() {
        return colors != null;
    }

    /** The scene configuration's JSON, {@value #EMPTY_CONFIG} when none was given. */
    public String configJson() {
        return configJson;
    }

    float[] floatVertices() {
        return floatVertices;
    }

    double[] doubleVertices() {
        return doubleVertices;
    }

    int[] faces() {
        return faces;
    }

    byte[] colors() {
        return colors;
    }

    @Override
    public String toString() {
        return "Mesh[" + vertexCount + " vertices, " + faceCount() + " faces" + (colors == null ? "" : ", colors") + "]";
    }
}
