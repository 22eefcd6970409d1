package dev.tblog;

import dev.tblog.mesh.MeshData;

import java.util.Map;

/**
 * A 3-D mesh or point cloud for {@link Logger#addMesh(String, Mesh, long)}, shown in TensorBoard's
 * MESH tab: vertices, and optionally triangles joining them, a colour per vertex and the scene's
 * camera, lights and material.
 * <pre>{@code
 * float[] xyz = ...;                 // N vertices: x, y, z of each in turn
 * int[] triangles = ...;             // M faces: three vertex indices each
 * byte[] rgb = ...;                  // a colour per vertex: r, g, b, unsigned 0..255
 * log.addMesh("Sheet/Rate surface", Mesh.of(xyz).faces(triangles).colors(rgb)
 *     .config(Map.of("camera", Map.of("cls", "PerspectiveCamera", "fov", 75))), step);
 * }</pre>
 *
 * <p>Written as TensorBoard's own mesh summary writes it: the summaries {@code <tag>_VERTEX}
 * (float32 {@code [1, N, 3]}), {@code <tag>_FACE} (int32 {@code [1, M, 3]}) and {@code <tag>_COLOR}
 * (uint8 {@code [1, N, 3]}) at one step, each naming the mesh, its parts and the scene's JSON in its
 * plugin metadata. Without faces TensorBoard draws a point cloud. The scene configuration is a
 * {@code Map} of the three.js classes and settings the dashboard reads (objects are {@code Map}s,
 * arrays {@code List}s or Java arrays, and strings, numbers, Booleans), written as JSON with sorted
 * keys; none gives {@code {}}. TensorBoard takes a tag's metadata from its first mesh: keep the
 * vertex count and the scene of a tag the same from step to step, and log one mesh per tag and step.
 *
 * <p>A {@code Mesh} refers to your arrays until the call that logs it returns; the call copies them.
 *
 * <p>Validated here, {@link IllegalArgumentException} naming the values: null arrays, vertex or face
 * arrays whose length is not a positive multiple of 3, a face index outside {@code [0, N)}, colours
 * not {@code 3 * N} bytes, a scene value JSON cannot hold (a NaN, another type).
 *
 * <p>Thread contract: immutable, any thread; the arrays must not change while a call logs them.
 */
public final class Mesh {
    private final MeshData data;

    private Mesh(MeshData data) {
        this.data = data;
    }

    /**
     * A mesh of {@code xyz.length / 3} vertices, {@code (x, y, z)} one after the other.
     *
     * @param xyz the vertices' coordinates, a positive multiple of 3 values
     * @return a point cloud without faces, colours or scene; it refers to {@code xyz}
     */
    public static Mesh of(float[] xyz) {
        return new Mesh(MeshData.of(xyz));
    }

    /**
     * As {@link #of(float[])}, for doubles (stored as 32-bit floats, as TensorBoard's writers do).
     *
     * @param xyz the vertices' coordinates, a positive multiple of 3 values
     * @return a point cloud without faces, colours or scene; it refers to {@code xyz}
     */
    public static Mesh of(double[] xyz) {
        return new Mesh(MeshData.of(xyz));
    }

    /**
     * This mesh with triangles: three vertex indices each, one triangle after the other.
     *
     * @param triangles the vertex indices, a positive multiple of 3, each in {@code [0, N)}
     * @return a new Mesh with these faces and otherwise the same; it refers to {@code triangles}
     */
    public Mesh faces(int[] triangles) {
        return new Mesh(data.faces(triangles));
    }

    /**
     * This mesh with a colour per vertex: {@code (r, g, b)} unsigned bytes 0..255, one vertex after the other.
     *
     * @param rgb {@code 3 * N} bytes, in the vertices' order
     * @return a new Mesh with these colours and otherwise the same; it refers to {@code rgb}
     */
    public Mesh colors(byte[] rgb) {
        return new Mesh(data.colors(rgb));
    }

    /**
     * This mesh with a scene configuration (camera, lights, material), written as JSON.
     *
     * @param scene the three.js classes and settings, not null; values as the class Javadoc lists
     * @return a new Mesh with this scene and otherwise the same; the map is turned into JSON at once
     */
    public Mesh config(Map<String, ?> scene) {
        return new Mesh(data.config(scene));
    }

    /** {@return N, the vertices} */
    public int vertexCount() {
        return data.vertexCount();
    }

    /** {@return M, the triangles; 0 for a point cloud} */
    public int faceCount() {
        return data.faceCount();
    }

    /** {@return the scene configuration as written, {@code {}} when none was given} */
    public String configJson() {
        return data.configJson();
    }

    MeshData data() {
        return data;
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
