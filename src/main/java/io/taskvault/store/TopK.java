package io.taskvault.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first {@code k} elements of a stream in a total order, kept in a bounded heap: what a sorted query with a limit
 * returns, without sorting every match (MongoDB's top-k sort does the same).
 */
final class TopK {

    private TopK() {
    }

    /** The {@code k} least elements by {@code order}, in that order; {@code order} must be total (ties by {@code _id}). */
    static <T> Stream<T> first(Stream<T> elements, Comparator<? super T> order, long k) {
        if (k <= 0) {
            return Stream.empty();
        }
        int bound = (int) Math.min(k, Integer.MAX_VALUE - 8);
        PriorityQueue<T> largestFirst = new PriorityQueue<>(Math.min(bound, 1_024), order.reversed());
        elements.forEach(element -> {
            if (largestFirst.size() < bound) {
                largestFirst.add(element);
            } else if (order.compare(element, largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(element);
            }
        });
        List<T> kept = new ArrayList<>(largestFirst);
        kept.sort(order);
        return kept.stream();
    }
}
