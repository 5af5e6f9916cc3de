package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void shrinksTheFlexibleColumnSoEveryLineFitsTheWidth() {
        Table table = new Table("KEY", "STATE", "TITLE").flex(2)
                .row("TV-1", "RUNNING", "A rather long title that would never fit in a narrow terminal window at all");

        String rendered = table.render(40);

        assertThat(rendered.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(rendered).contains("TV-1  RUNNING  A rather long", "…");
    }

    @Test
    void alignsColumnsToTheWidestCell() {
        String rendered = new Table("KEY", "STATE").row("TV-100", "QUEUED").row("TV-2", "PENDING").render(120);

        assertThat(rendered.lines()).containsExactly("KEY     STATE", "TV-100  QUEUED", "TV-2    PENDING");
    }
}
