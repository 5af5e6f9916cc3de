package io.taskvault.store;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend with commits taken out of its hands: a write command is acknowledged only
 * after a commit that contains all of it, so an acknowledged write survives even SIGKILL.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "deleteindexes", "drop", "dropdatabase", "create", "renamecollection",
            "aggregate", "mapreduce");

    private final GroupCommitter committer;
    private final WriteListener listener;

    CommittingH2Backend(MVStore store, GroupCommitter committer, WriteListener listener) {
        super(store);
        this.committer = committer;
        this.listener = listener;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        Document reply = committer.write(() -> super.handleCommand(channel, database, command, query));
        Object collection = query.get(command);
        listener.written(collection instanceof String name ? name : null);
        return reply;
    }

    /** Told about every committed write, whichever process sent it (caches use it to stay fresh). */
    @FunctionalInterface
    interface WriteListener {
        void written(String collection);
    }
}
