package io.taskvault.store;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend with commits taken out of its hands: a write command is acknowledged only after it
 * is in the write-ahead log, and commits happen only between writes, so even SIGKILL loses nothing acknowledged.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "deleteindexes", "drop", "dropdatabase", "create", "renamecollection",
            "aggregate", "mapreduce");

    private GroupCommitter committer;
    private final WriteListener listener;

    CommittingH2Backend(MVStore store, WriteListener listener) {
        super(store);
        this.listener = listener;
    }

    void commitThrough(GroupCommitter groupCommitter) {
        this.committer = groupCommitter;
    }

    /** Runs a logged command again, straight on the engine (it is already in the log being replayed). */
    void replay(WriteAheadLog.Entry entry, Channel channel) {
        super.handleCommand(channel, entry.database(), entry.command(), entry.query());
    }

    /** Like MongoDB's first batch: without it the engine answers a scan with every document in one reply. */
    static final int DEFAULT_BATCH = 101;

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        //why: the driver refuses replies over 48 MB, which a whole-collection find reaches at about 30,000 tasks
        if ((name.equals("find") || name.equals("getmore")) && !query.containsKey("batchSize")) {
            query.put("batchSize", DEFAULT_BATCH);
        } else if (name.equals("aggregate") && query.get("cursor") instanceof Document cursor
                && !cursor.containsKey("batchSize")) {
            cursor.put("batchSize", DEFAULT_BATCH);
        }
        if (!WRITE_COMMANDS.contains(name)) {
            return super.handleCommand(channel, database, command, query);
        }
        Document reply = committer.write(database, command, query,
                () -> super.handleCommand(channel, database, command, query));
        Object collection = query.get(command);
        listener.written(collection instanceof String written ? written : null, WrittenIds.of(command, query));
        return reply;
    }

    //why: H2Backend.close() commits and closes the MVStore; the store's owner does that, after the last checkpoint
    @Override
    public void close() {
    }

    /** Told about every logged write, whichever process sent it (caches use it to stay fresh). */
    @FunctionalInterface
    interface WriteListener {
        /** {@code ids} are the written documents' ids, or null when the write may have touched any document. */
        void written(String collection, java.util.Collection<Object> ids);
    }
}
