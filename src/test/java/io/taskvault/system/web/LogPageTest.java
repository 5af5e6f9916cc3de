package io.taskvault.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LogPageTest {

    private static final String TEXT = " the agent compiled a module and ran its tests\n";

    /** A log of {@code lines} numbered lines made on the fly, so the test never holds it whole either. */
    private static InputStream generatedLog(int lines) {
        return new InputStream() {
            private int line = 0;
            private byte[] current = new byte[0];
            private int pos = 0;

            private boolean fill() {
                if (pos < current.length) {
                    return true;
                }
                if (line == lines) {
                    return false;
                }
                line++;
                String number = Integer.toString(line);
                current = ("00000000".substring(number.length()) + number + TEXT).getBytes(StandardCharsets.ISO_8859_1);
                pos = 0;
                return true;
            }

            @Override
            public int read() {
                return fill() ? current[pos++] : -1;
            }

            @Override
            public int read(byte[] into, int off, int len) {
                int n = 0;
                while (n < len && fill()) {
                    int chunk = Math.min(len - n, current.length - pos);
                    System.arraycopy(current, pos, into, off + n, chunk);
                    pos += chunk;
                    n += chunk;
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
    }

    @Test
    void readsAPageDeepInsideATenMegabyteLogKeepingOnlyThatPage() {
        int lines = 200_000; // 200,000 lines of 55 bytes: 11 MB

        LogPage page = LogPage.read(generatedLog(lines), 150);

        assertThat(page.firstLine()).isEqualTo(149_001);
        assertThat(page.lines()).hasSize(LogPage.LINES);
        assertThat(page.lines().get(0)).startsWith("00149001 ");
        assertThat(page.lastLine()).isEqualTo(150_000);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void theLastPageHoldsTheRemainderAndHasNoNext() {
        LogPage page = LogPage.read(generatedLog(2_345), 3);

        assertThat(page.firstLine()).isEqualTo(2_001);
        assertThat(page.lines()).hasSize(345).last().asString().startsWith("00002345 ");
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void cutsAHugeSingleLineSoItCannotFloodThePage() {
        String huge = "x".repeat(50_000);

        LogPage page = LogPage.read(new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)), 1);

        assertThat(page.lines().get(0)).hasSizeLessThan(LogPage.MAX_LINE + 40).endsWith("(50000 chars)");
    }
}
