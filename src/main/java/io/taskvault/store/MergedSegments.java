package io.taskvault.store;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** Several ordered streams of index entries (one per {@code $in} value) merged into one, in the same order. */
final class MergedSegments implements Iterator<IndexEntry> {

    private record Head(IndexEntry entry, Iterator<IndexEntry> rest) {
    }

    private final PriorityQueue<Head> heads;

    MergedSegments(List<Iterator<IndexEntry>> segments, Comparator<IndexEntry> order) {
        this.heads = new PriorityQueue<>(Math.max(1, segments.size()), (a, b) -> order.compare(a.entry(), b.entry()));
        for (Iterator<IndexEntry> segment : segments) {
            if (segment.hasNext()) {
                heads.add(new Head(segment.next(), segment));
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public IndexEntry next() {
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        if (head.rest().hasNext()) {
            heads.add(new Head(head.rest().next(), head.rest()));
        }
        return head.entry();
    }
}
