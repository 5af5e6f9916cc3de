package io.taskvault.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, reported as p50/p99 milliseconds. */
final class Percentiles {

    private final long[] samples;
    private int size;

    Percentiles(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[size++] = nanos;
    }

    String p50p99() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return String.format("%.2f / %.2f", sorted[size / 2] / 1e6, sorted[Math.min(size - 1, (int) (size * 0.99))] / 1e6);
    }
}
