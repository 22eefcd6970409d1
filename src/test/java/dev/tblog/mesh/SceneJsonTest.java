package dev.tblog.mesh;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scene configuration's JSON: keys sorted at every depth, Python's separators, JSON's escapes,
 * lists and arrays, and a clear error for what JSON cannot hold. Expected strings are what Python's
 * {@code json.dumps(value, sort_keys=True)} prints for the same values.
 */
class SceneJsonTest {
    @Test
    void shouldSortKeysAtEveryDepthWithPythonsSeparators() {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("roughness", 1);
        material.put("cls", "MeshStandardMaterial");
        Map<String, Object> scene = new LinkedHashMap<>();
        scene.put("material", material);
        scene.put("camera", Map.of("fov", 75));
        assertThat(SceneJson.of(scene))
            .isEqualTo("{\"camera\": {\"fov\": 75}, \"material\": {\"cls\": \"MeshStandardMaterial\", \"roughness\": 1}}");
    }

    @Test
    void shouldWriteListsArraysBooleansNullAndFractions() {
        Map<String, Object> scene = new HashMap<>();
        scene.put("lights", List.of(Map.of("intensity", 0.75, "on", true)));
        scene.put("position", new int[] {1, -2, 3});
        scene.put("target", new double[] {0.5, 0.25});
        scene.put("none", null);
        assertThat(SceneJson.of(scene)).isEqualTo(
            "{\"lights\": [{\"intensity\": 0.75, \"on\": true}], \"none\": null, \"position\": [1, -2, 3], "
                + "\"target\": [0.5, 0.25]}");
    }

    @Test
    void shouldEscapeQuotesControlsAndNonAscii() {
        assertThat(SceneJson.of(Map.of("name", "a \"b\"\\\n\t é")))
            .isEqualTo("{\"name\": \"a \\\"b\\\"\\\\\\n\\t \\u00e9\"}");
    }

    @Test
    void shouldRejectWhatJsonCannotHoldNamingThePath() {
        assertThatThrownBy(() -> SceneJson.of(Map.of("camera", Map.of("fov", Double.NaN))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config.camera.fov is NaN");
        assertThatThrownBy(() -> SceneJson.of(Map.of("light", List.of(new Object()))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config.light[0] is a java.lang.Object");
        assertThatThrownBy(() -> SceneJson.of(Map.of("m", Map.of(1, "x"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys must be Strings");
        assertThatThrownBy(() -> SceneJson.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.asList(SceneJson.of(Map.of()))).containsExactly("{}");
    }
}
