package io.taskvault.store;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the embedded MongoDB-wire store keeps its data.
 *
 * @param path        the MVStore data file
 * @param host        the loopback address the embedded server listens on
 * @param port        its port; 0 picks a free one (written next to the data file for other processes)
 * @param cacheSizeMb the MVStore page cache; scans slow down sharply once the data outgrows it; 0 (the default) means
 *                    a quarter of the maximum heap, at most 1024
 * @param fsync       force each logged write and checkpoint to the disk (survives power loss, not only a killed process)
 * @param database    the database name used on the embedded server and on a MongoDB URI without one
 * @param housekeepingInterval at least one compaction step runs this often, however little the writes added (each
 *                    checkpoint otherwise compacts in proportion to what they added, see {@code Compaction}); 0 turns
 *                    compaction off (a one-shot command's process, which ends before it would pay off)
 * @param checkpointInterval how often logged writes are committed to the data file (the log keeps them safe meanwhile)
 * @param attach      when another running taskvault holds the data file, work through its store instead of failing
 * @param compression how pages are compressed as they are written (pages written before keep theirs)
 */
@Validated
@ConfigurationProperties("taskvault.store")
public record StoreProperties(
        @NotNull @DefaultValue("./data/taskvault.mv") Path path,
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @Min(0) @DefaultValue("0") int cacheSizeMb,
        @DefaultValue("false") boolean fsync,
        @NotBlank @DefaultValue("taskvault") String database,
        @NotNull @DefaultValue("10s") Duration housekeepingInterval,
        @NotNull @DefaultValue("1s") Duration checkpointInterval,
        @DefaultValue("false") boolean attach,
        @NotNull @DefaultValue("fast") Compression compression) {

    /** How the data file's pages are compressed: LZF (fast), Deflate (high) or not at all. */
    public enum Compression { NONE, FAST, HIGH }

    /** The page cache to open the store with: as configured, or a quarter of the maximum heap (16 to 1024 MB). */
    public int effectiveCacheSizeMb() {
        return effectiveCacheSizeMb(Runtime.getRuntime().maxMemory());
    }

    //why: the cache lives on the heap; a 1 GB cache in a 1.5 GB heap ran out of memory in a checkpoint at 100,000
    //    tasks, and MVStore closes itself on that
    int effectiveCacheSizeMb(long maxHeapBytes) {
        if (cacheSizeMb > 0) {
            return Math.max(16, cacheSizeMb);
        }
        return (int) Math.max(16, Math.min(1024, (maxHeapBytes >> 20) / 4));
    }

    /** The file next to the data file that tells other processes where the running store listens. */
    public Path portFile() {
        return path.resolveSibling(path.getFileName() + ".port");
    }
}
