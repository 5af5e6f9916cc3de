package io.taskvault.task.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void redrawsOneLineWithThePercentageDoneOnATerminal() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), 4, true);

        for (int i = 0; i < 4; i++) {
            progress.step("verifying");
        }
        progress.finish();

        assertThat(out.toString()).contains("\rverifying [#######", "25% 1/4", "100% 4/4").doesNotContain("\n")
                .endsWith("\r");
    }

    @Test
    void printsNothingWhenNoTerminalIsWatching() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), 3, false);

        progress.step("verifying");
        progress.finish();

        assertThat(out.toString()).isEmpty();
    }
}
