package io.taskvault.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        assertThat(Spelling.distance("lsit", "list")).isEqualTo(1);
        assertThat(Spelling.distance("lsit", "edit")).isEqualTo(2);
        assertThat(Spelling.distance("state", "state")).isZero();
        assertThat(Spelling.distance("", "list")).isEqualTo(4);
    }

    @Test
    void namesTheNearestKnownWordOrNothingWhenNoneIsNear() {
        List<String> commands = List.of("edit", "list", "show", "add");

        assertThat(Spelling.closest("lsit", commands)).contains("list");
        assertThat(Spelling.closest("SHWO", commands)).contains("show");
        assertThat(Spelling.closest("frobnicate", commands)).isEmpty();
        assertThat(Spelling.suggestion("stat", List.of("state", "role"), "--")).isEqualTo("; did you mean '--state'?");
    }
}
