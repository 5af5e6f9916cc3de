package io.taskvault.task;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * New task ids: UUIDs of version 7, whose text sorts in the order they were made. A store keeps its documents and
 * index entries in B-trees ordered by id, so a new task, its events ({@code <id>:<seq>}) and their entries are
 * written at the end of each tree instead of into random pages all over it (docs/performance.md, session 21). The
 * first 13 characters are the millisecond it was made; the rest is random, so ids of one millisecond differ early
 * enough for an id prefix to tell them apart.
 */
public final class TaskIds {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private TaskIds() {
    }

    /** A new id, after every id made in an earlier millisecond. */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
