package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsOneLineWithThePercentageDoneOnATerminal() {
        StringWriter out = new StringWriter();
        ProgressBar progress = new ProgressBar(new PrintWriter(out), "verifying", 4, true);

        for (int i = 0; i < 4; i++) {
            progress.step();
        }
        progress.finish();

        assertThat(out.toString()).contains("\rverifying [#######", "25% 1/4", "100% 4/4").doesNotContain("\n")
                .endsWith("\r");
    }

    @Test
    void followsATotalThatGrowsWhileCounting() {
        StringWriter out = new StringWriter();
        ProgressBar progress = new ProgressBar(new PrintWriter(out), "importing", 0, true);

        progress.progress(1, 2);
        progress.progress(2, 8);

        assertThat(out.toString()).contains("50% 1/2", "25% 2/8");
    }

    @Test
    void printsNothingWhenNoTerminalIsWatching() {
        StringWriter out = new StringWriter();
        ProgressBar progress = new ProgressBar(new PrintWriter(out), "verifying", 3, false);

        progress.step();
        progress.finish();

        assertThat(out.toString()).isEmpty();
    }
}
