package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** A single 100 MiB output goes in as a stream, lands in GridFS and comes back byte for byte. */
@EmbeddedStoreTest
class LargeOutputTest {

    private static final long SIZE = 100L << 20;

    @Autowired
    TaskService tasks;

    @Test
    void storesAndStreamsBackAHundredMebibyteLog() throws IOException {
        Task task = tasks.create(aTask().build(), "alice");
        MessageDigest written = DigestUtils.getSha256Digest();

        TaskOutput output = tasks.appendOutput(task.getKey(), new OutputDraft(OutputType.LOG,
                () -> new DigestInputStream(new GeneratedLog(SIZE), written), "build.log", null, null, null), "agent");

        assertThat(output.inline()).isFalse();
        assertThat(output.size()).isEqualTo(SIZE);
        assertThat(output.sha256()).isEqualTo(Hex.encodeHexString(written.digest()));
        MessageDigest read = DigestUtils.getSha256Digest();
        try (InputStream in = tasks.openOutput(tasks.output(task.getKey(), output.seq()))) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; total += n) {
                read.update(buffer, 0, n);
            }
            assertThat(total).isEqualTo(SIZE);
        }
        assertThat(Hex.encodeHexString(read.digest())).isEqualTo(output.sha256());
    }

    /** Log lines generated on the fly, so the test never holds 100 MiB in memory. */
    private static final class GeneratedLog extends InputStream {
        private final long size;
        private long position;

        GeneratedLog(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long p = position++;
            return p % 80 == 79 ? '\n' : 'a' + (int) ((p / 80) % 26);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
