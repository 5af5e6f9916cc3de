package io.taskvault.store;

import java.util.Arrays;

/**
 * One entry of a {@link SecondaryIndex}: the document's values for the index's keys, then the document's position
 * (its {@code _id}), so documents with equal values coexist and are ordered by {@code _id}. A probe (side -1 or +1)
 * is a search bound: it sorts before or after every entry that shares its values, and may hold fewer values.
 */
final class IndexEntry {

    final Object[] values;
    final Object position;
    final int side;

    IndexEntry(Object[] values, Object position) {
        this(values, position, 0);
    }

    private IndexEntry(Object[] values, Object position, int side) {
        this.values = values;
        this.position = position;
        this.side = side;
    }

    static IndexEntry before(Object... values) {
        return new IndexEntry(values, null, -1);
    }

    static IndexEntry after(Object... values) {
        return new IndexEntry(values, null, 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexEntry other && side == other.side && Arrays.equals(values, other.values)
                && java.util.Objects.equals(position, other.position);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + java.util.Objects.hashCode(position);
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + "@" + position + (side == 0 ? "" : side < 0 ? "-" : "+");
    }

    /** The lowest or highest value of a BSON type bracket, for a range bounded on one side only. */
    record BracketEdge(int typeOrder, boolean high) {
    }
}
