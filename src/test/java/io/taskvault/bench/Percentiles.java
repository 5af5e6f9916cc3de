package io.taskvault.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, reported as p50/p99 milliseconds. */
final class Percentiles {

    private long[] samples;
    private int size;

    Percentiles(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addShared(long nanos) {
        add(nanos);
    }

    int count() {
        return size;
    }

    double p50() {
        return at(0.50);
    }

    double p99() {
        return at(0.99);
    }

    /** The percentile in milliseconds. */
    double at(double fraction) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return sorted[Math.min(size - 1, (int) (size * fraction))] / 1e6;
    }

    String p50p99() {
        return String.format("%.2f / %.2f", p50(), p99());
    }
}
