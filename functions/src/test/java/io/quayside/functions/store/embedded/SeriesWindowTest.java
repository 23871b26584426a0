package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.Series;
import io.quayside.model.Labels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesWindowTest {
    private static final Labels LABELS = Labels.of("__name__", "m");

    @Test
    void keepsTheNewestCapacitySamplesAcrossWrapAround() {
        SeriesWindow window = new SeriesWindow(20);
        for (int i = 0; i < 50; i++) {
            assertThat(window.append(i * 10L, i)).isEqualTo(SeriesWindow.Append.APPENDED);
        }
        Series all = window.slice(LABELS, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.timestamps()).hasSize(20).startsWith(300L).endsWith(490L);
        assertThat(window.slice(LABELS, 355, 400).timestamps()).containsExactly(360L, 370L, 380L, 390L, 400L);
        assertThat(window.slice(LABELS, 375, 415).values()).as("a range across the end of the ring")
                .containsExactly(38.0, 39.0, 40.0, 41.0);
        assertThat(window.slice(LABELS, 1000, 2000).isEmpty()).isTrue();
    }

    @Test
    void evictionFromTheOldEndAndOrderChecks() {
        SeriesWindow window = new SeriesWindow(100);
        for (int i = 1; i <= 5; i++) {
            window.append(i * 1000L, i);
        }
        assertThat(window.append(5000, 5)).isEqualTo(SeriesWindow.Append.REPEATED);
        assertThat(window.append(5000, 6)).isEqualTo(SeriesWindow.Append.OUT_OF_ORDER);
        assertThat(window.append(4500, 6)).isEqualTo(SeriesWindow.Append.OUT_OF_ORDER);
        assertThat(window.evictUpTo(3000)).isFalse();
        assertThat(window.slice(LABELS, 0, 10_000).timestamps()).containsExactly(4000L, 5000L);
        assertThat(window.evictUpTo(5000)).isTrue();
        assertThat(window.size()).isZero();
    }
}
