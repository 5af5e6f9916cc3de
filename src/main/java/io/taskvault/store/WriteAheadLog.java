package io.taskvault.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The redo log of write commands since the last checkpoint: {@code <data file>.wal.<generation>}, records of
 * {@code [length][crc32c][BSON {db, command, query}]}. A torn last record (a crash mid-append) is ignored: its
 * write was never acknowledged.
 */
final class WriteAheadLog implements AutoCloseable {

    //why: how far before the file's generation a start looks for logs a died process left
    private static final int LEFT_BEHIND = 16;

    private final Path dataFile;
    private final boolean fsync;
    private long generation;
    //why: the first log that may still be on the disk; logs stay until the checkpoint after them is written, and a
    //    process that died between writing a checkpoint and removing them left the ones before its generation
    private long oldest;
    //why: made between checkpoints, so a checkpoint does not make a file while it holds the writers
    private FileChannel prepared;
    private long preparedFor = -1;
    private FileChannel channel;
    private long size;

    WriteAheadLog(Path dataFile, long generation, boolean fsync) {
        this.dataFile = dataFile;
        this.fsync = fsync;
        this.generation = generation;
        this.oldest = Math.max(0, generation - LEFT_BEHIND);
    }

    Path file(long gen) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".wal." + gen);
    }

    /**
     * Reads every intact record of this generation's log and of the generations after it that exist, in order, and
     * goes on with the last of them: a checkpoint that a crash cut off before it was written leaves its log and the
     * next one.
     */
    List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        for (long gen = generation; Files.exists(file(gen)); gen++) {
            generation = gen;
            entries.addAll(read(file(gen)));
        }
        return entries;
    }

    private static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try {
            ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
            while (all.remaining() >= 8) {
                int length = all.getInt();
                int crc = all.getInt();
                if (length <= 0 || length > all.remaining()) {
                    break;
                }
                byte[] payload = new byte[length];
                all.get(payload);
                CRC32C check = new CRC32C();
                check.update(payload);
                if ((int) check.getValue() != crc) {
                    break;
                }
                Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(payload));
                entries.add(new Entry((String) record.get("db"), (String) record.get("command"),
                        (Document) record.get("query")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the write-ahead log " + file, e);
        }
        return entries;
    }

    /** Appends one write command; once this returns it survives the process being killed. */
    void append(String database, String command, Document query) {
        Document record = new Document("db", database);
        record.put("command", command);
        record.put("query", query);
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(record, bson);
            byte[] payload = new byte[bson.readableBytes()];
            bson.readBytes(payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer buffer = ByteBuffer.allocate(8 + payload.length);
            buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
            FileChannel out = open();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            if (fsync) {
                out.force(false);
            }
            size += 8 + payload.length;
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot append to the write-ahead log: " + e.getMessage(), e);
        } finally {
            bson.release();
        }
    }

    long size() {
        return size;
    }

    long generation() {
        return generation;
    }

    /**
     * Starts the next generation: the writes after a checkpoint's snapshot go to a log of their own, made now and empty
     * (a file left with that number is emptied).
     * //why: a start replays the logs from the one its file names up to the first missing one; made at the first
     * //    write, a checkpoint with none before it left no log, and a crash before its snapshot was written then
     * //    stopped the replay there, before the next log's acknowledged writes
     */
    void startNext(long next) {
        closeCurrent();
        channel = preparedFor == next ? prepared : create(next);
        prepared = null;
        preparedFor = -1;
        generation = next;
        size = 0;
    }

    /** Makes the next generation's log ahead of the checkpoint that starts it, while writers go on. */
    void prepareNext() {
        if (preparedFor != generation + 1) {
            closePrepared();
            prepared = create(generation + 1);
            preparedFor = generation + 1;
        }
    }

    private FileChannel create(long gen) {
        try {
            FileChannel made = FileChannel.open(file(gen), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            if (fsync) {
                made.force(true);
                forceFolder();
            }
            return made;
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot start the write-ahead log " + file(gen) + ": " + e.getMessage(), e);
        }
    }

    //why: a new file's name reaches the disk with its folder; Linux lets a folder be opened and forced for that, other
    //    systems may refuse, and there the name is as safe as the system makes it
    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(dataFile.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException refused) {
            return;
        }
    }

    /** Removes the logs before {@code gen}, once the checkpoint that holds their writes is written. */
    void deleteBelow(long gen) {
        for (; oldest < gen; oldest++) {
            delete(oldest);
        }
    }

    private void delete(long gen) {
        try {
            Files.deleteIfExists(file(gen));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the old write-ahead log " + file(gen), e);
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file(generation), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            size = channel.size();
        }
        return channel;
    }

    @Override
    public void close() {
        closeCurrent();
        closePrepared();
    }

    /**
     * Closes the logs after a last checkpoint that was written, removing the ones with nothing in them: the next
     * generation's, made ahead, and this one's when no write came after that checkpoint.
     */
    void closeAfterLastCheckpoint() {
        long prepare = preparedFor;
        close();
        if (prepare >= 0) {
            delete(prepare);
        }
        if (size == 0) {
            delete(generation);
        }
    }

    private void closeCurrent() {
        close(channel);
        channel = null;
    }

    private void closePrepared() {
        close(prepared);
        prepared = null;
        preparedFor = -1;
    }

    private static void close(FileChannel open) {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One logged write command. */
    record Entry(String database, String command, Document query) {
    }
}
