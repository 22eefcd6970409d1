package dev.tblog.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagIdsTest {
    @Test
    void shouldNumberTagsFromZeroAndFindEachAgainAfterGrowing() {
        TagIds ids = new TagIds();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tags.add("t" + i);
            assertThat(ids.register("t" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(ids.tag(i)).isEqualTo(tags.get(i));
        }
        assertThat(ids.size()).isEqualTo(1000);
    }
}
