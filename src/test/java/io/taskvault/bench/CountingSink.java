package io.taskvault.bench;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** An output stream that only counts the bytes written to it (read from another thread while an export runs). */
final class CountingSink extends OutputStream {

    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void write(int b) {
        bytes.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes.addAndGet(len);
    }

    long bytes() {
        return bytes.get();
    }
}
