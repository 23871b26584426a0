package io.quayside.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsTest {
    @Test
    void sortsByName() {
        Labels labels = Labels.of("node", "n1", "__name__", "up", "id", "abc");

        assertThat(labels.size()).isEqualTo(3);
        assertThat(labels.name(0)).isEqualTo("__name__");
        assertThat(labels.name(1)).isEqualTo("id");
        assertThat(labels.name(2)).isEqualTo("node");
        assertThat(labels.metricName()).isEqualTo("up");
        assertThat(labels.get("id")).isEqualTo("abc");
        assertThat(labels.get("missing")).isNull();
    }

    @Test
    void internsNames() {
        String name = new StringBuilder("contai").append("ner").toString();

        assertThat(Labels.of(name, "x").name(0)).isSameAs("container");
    }

    @Test
    void equalSetsAreEqualWhateverTheOrderGiven() {
        Labels a = Labels.of("a", "1", "b", "2");
        Labels b = Labels.of("b", "2", "a", "1");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Labels.of("a", "1", "b", "3")).isNotEqualTo(Labels.of("a", "1"));
    }

    @Test
    void withAndWithoutCopy() {
        Labels labels = Labels.of("a", "1", "c", "3");

        assertThat(labels.with("b", "2")).isEqualTo(Labels.of("a", "1", "b", "2", "c", "3"));
        assertThat(labels.with("a", "9")).isEqualTo(Labels.of("a", "9", "c", "3"));
        assertThat(labels.without("a")).isEqualTo(Labels.of("c", "3"));
        assertThat(labels.without("missing")).isSameAs(labels);
        assertThat(labels).isEqualTo(Labels.of("a", "1", "c", "3"));
    }

    @Test
    void toStringEscapesValues() {
        Labels labels = Labels.of("a", "back\\slash", "b", "say \"hi\"", "c", "two\nlines");

        assertThat(labels).hasToString("{a=\"back\\\\slash\", b=\"say \\\"hi\\\"\", c=\"two\\nlines\"}");
        assertThat(Labels.EMPTY).hasToString("{}");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Labels.of("a", "1", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd count: 3");
        assertThatThrownBy(() -> Labels.of("", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Labels.of("a", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> Labels.ofSortedPairs(new String[]{"b", "1", "a", "2"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not sorted");
    }
}
