package io.taskvault.task.secrets;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Redacts secrets from a text stream line by line, so a 100 MiB log never sits in memory whole. Lines of a private
 * key block are redacted together: the block is buffered from its BEGIN line to its END line.
 */
public final class RedactingInputStream extends InputStream {

    private static final int MAX_BLOCK_LINES = 200;

    private final BufferedReader lines;
    private InputStream current = InputStream.nullInputStream();
    private int redactions;
    private boolean ended;

    public RedactingInputStream(InputStream text) {
        this.lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
    }

    public int redactions() {
        return redactions;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = current.read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            if (ended || !nextChunk()) {
                return -1;
            }
        }
    }

    private boolean nextChunk() throws IOException {
        String line = readLine();
        if (line == null) {
            ended = true;
            return false;
        }
        StringBuilder chunk = new StringBuilder(line);
        if (line.contains("-----BEGIN") && line.contains("PRIVATE KEY-----")) {
            for (int i = 0; i < MAX_BLOCK_LINES && !line.contains("-----END"); i++) {
                line = readLine();
                if (line == null) {
                    break;
                }
                chunk.append(line);
            }
        }
        SecretRedactor.Redacted redacted = SecretRedactor.redact(chunk.toString());
        redactions += redacted.count();
        current = new ByteArrayInputStream(redacted.text().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The next line with its terminator kept, so the content is unchanged where nothing is redacted. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = lines.read()) >= 0) {
            line.append((char) c);
            if (c == '\n' || line.length() >= 1 << 20) {
                break;
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
