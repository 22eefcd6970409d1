package dev.tblog.demo;

import dev.tblog.Embedding;
import dev.tblog.Graph;
import dev.tblog.Images;
import dev.tblog.Mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's structure for the GRAPHS, PROJECTOR and MESH tabs: the map as a graph (the input, the
 * afferent projection with its size, the sheet), the sheet's receptive fields as an embedding (one
 * point per neuron, labelled with the pattern it prefers, drawn as its field), and the sheet's grid
 * lifted by each neuron's firing rate as a coloured 3-D surface.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class DemoStructure {
    /** The patterns' names, in {@link Patterns}' order. */
    static final List<String> PATTERN_NAMES = List.of("vertical", "horizontal", "diagonal", "cross", "frame", "dot");
    /** How high the most active neuron stands above the sheet, in grid units. */
    private static final float LIFT = 4f;

    private DemoStructure() {
    }

    /** Input (5x5) -> Map/Afferent (100x25 weights) -> Map/Sheet (10x10), the shapes on the edges. */
    static Graph graph(double learningRate, double noise) {
        return Graph.builder()
            .node("Input", "Population", Map.of("size", Patterns.PIXELS, "shape", new int[] {Patterns.SIDE, Patterns.SIDE},
                "model", "noisy binary patterns", "noise", noise, "patterns", PATTERN_NAMES))
            .node("Map/Afferent", "Projection", Map.of("weights", new int[] {Population.NEURONS, Patterns.PIXELS},
                "size", Population.NEURONS * Patterns.PIXELS, "rule", "competitive Hebbian (Kohonen)",
                "learning_rate", learningRate, "plastic", true))
            .node("Map/Sheet", "Population", Map.of("size", Population.NEURONS,
                "shape", new int[] {Population.SIDE, Population.SIDE}, "model", "rate, exp(-|x - w|^2 / 2)"))
            .edge("Input", "Map/Afferent")
            .edge("Map/Afferent", "Map/Sheet")
            .shape("Input", Patterns.SIDE, Patterns.SIDE)
            .shape("Map/Afferent", Population.NEURONS)
            .build();
    }

    /**
     * Every neuron's receptive field as a point: metadata the pattern it prefers, its index and its
     * place on the sheet; thumbnails the fields themselves, each stretched by its own range.
     *
     * @param fields {@code NEURONS} fields of {@code PIXELS} weights, neuron after neuron
     * @param preferred the pattern each neuron fires most for
     */
    static Embedding fields(float[] fields, int[] preferred) {
        List<List<Object>> rows = new ArrayList<>();
        for (int n = 0; n < Population.NEURONS; n++) {
            rows.add(List.of(PATTERN_NAMES.get(preferred[n]), n, n / Population.SIDE, n % Population.SIDE));
        }
        return Embedding.of(fields, Population.NEURONS, Patterns.PIXELS)
            .metadata(List.of("pattern", "neuron", "row", "column"), rows)
            .thumbnails(Images.gray(fields, Population.NEURONS, Patterns.SIDE, Patterns.SIDE).equalizedPerImage());
    }

    /**
     * The sheet as a surface: vertex (column, row, rate / max * LIFT) per neuron, two triangles per
     * grid cell, coloured from blue (silent) to red (most active).
     */
    static Mesh rateSurface(double[] rates) {
        int side = Population.SIDE;
        double max = 0;
        for (double r : rates) {
            max = Math.max(max, r);
        }
        float[] xyz = new float[side * side * 3];
        byte[] rgb = new byte[side * side * 3];
        for (int n = 0; n < side * side; n++) {
            double level = max > 0 ? rates[n] / max : 0;
            xyz[n * 3] = n % side;
            xyz[n * 3 + 1] = n / side;
            xyz[n * 3 + 2] = (float) (level * LIFT);
            rgb[n * 3] = (byte) Math.round(255 * level);
            rgb[n * 3 + 1] = (byte) 64;
            rgb[n * 3 + 2] = (byte) Math.round(255 * (1 - level));
        }
        int[] faces = new int[(side - 1) * (side - 1) * 6];
        int f = 0;
        for (int y = 0; y < side - 1; y++) {
            for (int x = 0; x < side - 1; x++) {
                int v = y * side + x;
                faces[f++] = v;
                faces[f++] = v + 1;
                faces[f++] = v + side;
                faces[f++] = v + 1;
                faces[f++] = v + side + 1;
                faces[f++] = v + side;
            }
        }
        return Mesh.of(xyz).faces(faces).colors(rgb).config(Map.of(
            "camera", Map.of("cls", "PerspectiveCamera", "fov", 75),
            "material", Map.of("cls", "MeshStandardMaterial", "roughness", 1, "metalness", 0)));
    }
}
