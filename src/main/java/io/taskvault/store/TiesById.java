package io.taskvault.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * Entries of one index segment in the requested order: runs of entries equal on the sorted keys come out by
 * {@code _id} (ascending, or as the sort asks), as a scan sorts its ties, whichever way the index is read.
 */
final class TiesById implements Iterator<IndexEntry> {

    private final Iterator<IndexEntry> entries;
    private final int first;
    private final int length;
    private final int idDirection;
    private final ArrayDeque<IndexEntry> run = new ArrayDeque<>();
    private IndexEntry next;

    TiesById(Iterator<IndexEntry> entries, int first, int length, int idDirection) {
        this.entries = entries;
        this.first = first;
        this.length = length;
        this.idDirection = idDirection;
        this.next = entries.hasNext() ? entries.next() : null;
    }

    @Override
    public boolean hasNext() {
        return !run.isEmpty() || next != null;
    }

    @Override
    public IndexEntry next() {
        if (run.isEmpty()) {
            if (next == null) {
                throw new NoSuchElementException();
            }
            List<IndexEntry> ties = new ArrayList<>();
            IndexEntry head = next;
            while (next != null && sameKeys(head, next)) {
                ties.add(next);
                next = entries.hasNext() ? entries.next() : null;
            }
            ties.sort((a, b) -> idDirection * ValueComparator.asc().compare(a.position, b.position));
            run.addAll(ties);
        }
        return run.removeFirst();
    }

    private boolean sameKeys(IndexEntry a, IndexEntry b) {
        for (int i = first; i < first + length; i++) {
            if (IndexEntryType.compareValues(a.values[i], b.values[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
