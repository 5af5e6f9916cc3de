package io.taskvault.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.Page;

/**
 * Moves live pages out of sparse chunks by rewriting the leaves that sit in them, map by map and in key order, so the
 * pages above a run of neighbouring leaves are written once for the whole run. MVStore's own rewrite goes chunk by
 * chunk, and a chunk's leaves are spread over the key space: each of its steps wrote the path above every leaf again,
 * and the next step killed those paths, so its new chunks were half dead however often it ran.
 * The sweep resumes where its last run stopped and starts again at the first map once it has passed the last.
 */
final class KeyOrderSweep {

    //why: writes the value already there, so the leaf is copied and goes to a new chunk at the next commit
    private static final MVMap.DecisionMaker<Object> SAME_VALUE = new MVMap.DecisionMaker<>() {
        @Override
        public MVMap.Decision decide(Object existing, Object provided) {
            return existing == null ? MVMap.Decision.ABORT : MVMap.Decision.PUT;
        }

        @Override
        public <T> T selectValue(T existing, T provided) {
            return existing;
        }
    };
    private static final String CHUNK = "chunk.";

    private final MVStore store;
    private int mapId = -1;
    private Object after;
    private long passes;

    KeyOrderSweep(MVStore store) {
        this.store = store;
    }

    /**
     * The chunks less than {@code fill} per cent full, from the file's layout (written with every commit), except
     * those of the last two versions, which are still being filled.
     */
    IntPredicate sparseChunks(int fill) {
        long newest = store.getCurrentVersion() - 1;
        BitSet sparse = new BitSet();
        forEachChunk((id, chunk) -> {
            long max = DataUtils.readHexLong(chunk, "max", 0);
            long live = live(chunk);
            if (live > 0 && live * 100 < max * fill && DataUtils.readHexLong(chunk, "version", newest) < newest) {
                sparse.set(id);
            }
        });
        return sparse::get;
    }

    /** How much live data (in MVStore's upper bounds of page lengths) the given chunks still hold. */
    long liveIn(IntPredicate chunks) {
        long[] live = {0};
        forEachChunk((id, chunk) -> {
            if (chunks.test(id)) {
                live[0] += live(chunk);
            }
        });
        return live[0];
    }

    /** The chunks with live pages that end beyond {@code block} (MVStore's blocks of 4 KB from the file's start). */
    IntPredicate chunksEndingBeyond(long block) {
        BitSet beyond = new BitSet();
        forEachChunk((id, chunk) -> {
            if (live(chunk) > 0 && DataUtils.readHexLong(chunk, "block", 0) + DataUtils.readHexLong(chunk, "len", 0) > block) {
                beyond.set(id);
            }
        });
        return beyond::get;
    }

    /**
     * How much MVStore's own rewrite ({@code MVStore.compact}) must be allowed to write to take every one of
     * {@code chunks}: it ranks the chunks that are not full by fill rate over age and takes the best ranked within its
     * limit. Counts one rank past the worst of {@code chunks}, as the store's newest version may be one ahead of its.
     */
    long rewriteLimitFor(IntPredicate chunks) {
        long latest = store.getCurrentVersion();
        List<long[]> ranked = new ArrayList<>();
        long[] worst = {-1};
        forEachChunk((id, chunk) -> {
            long max = DataUtils.readHexLong(chunk, "max", 0);
            long live = live(chunk);
            long pages = DataUtils.readHexLong(chunk, "pages", 0);
            if (live > 0 && DataUtils.readHexLong(chunk, "livePages", pages) < pages) {
                long fill = live >= max ? 100 : 1 + 98 * live / max;
                long rank = fill * 1000 / Math.max(1, latest - DataUtils.readHexLong(chunk, "version", latest));
                ranked.add(new long[] {rank, live});
                if (chunks.test(id)) {
                    worst[0] = Math.max(worst[0], rank);
                }
            }
        });
        return worst[0] < 0 ? 0 : ranked.stream().filter(r -> r[0] <= worst[0] + 1).mapToLong(r -> r[1]).sum();
    }

    /** How many blocks the chunks with live pages take together: where the file would end if they were packed. */
    long liveBlocks() {
        long[] blocks = {0};
        forEachChunk((id, chunk) -> blocks[0] += live(chunk) > 0 ? DataUtils.readHexLong(chunk, "len", 0) : 0);
        return blocks[0];
    }

    private static long live(Map<String, String> chunk) {
        return DataUtils.readHexLong(chunk, "liveMax", DataUtils.readHexLong(chunk, "max", 0));
    }

    private void forEachChunk(BiConsumer<Integer, Map<String, String>> action) {
        //why: read between held steps while checkpoints commit; during a full compaction a commit frees at once the
        //    chunks only older versions used, and a large layout's pages are read from them as the walk goes
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            for (Map.Entry<String, String> entry : store.getLayoutMap().entrySet()) {
                if (entry.getKey().startsWith(CHUNK)) {
                    action.accept(Integer.parseInt(entry.getKey().substring(CHUNK.length()), 16),
                            DataUtils.parseMap(entry.getValue()));
                }
            }
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /**
     * The next run of leaves that sit in {@code sparse} chunks, about {@code bytes} of them, from where the last run
     * stopped, going on at the first map after the last; empty when one whole sweep finds none. Reads pages but
     * changes nothing, so writers may go on meanwhile.
     */
    Run next(IntPredicate sparse, long bytes) {
        Run run = new Run(new ArrayList<>(), new ArrayList<>());
        long[] budget = {bytes};
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            //why: a run that finds nothing between its place and the end goes on from the first map, once
            for (boolean fromStart = mapId < 0; ; fromStart = true) {
                for (Map.Entry<Integer, MVMap<Object, Object>> map : openMaps().tailMap(mapId, true).entrySet()) {
                    if (map.getKey() != mapId) {
                        mapId = map.getKey();
                        after = null;
                    }
                    Page<Object, Object> root = map.getValue().getRootPage();
                    if (collect(map.getValue(), root, root.getPos(), sparse, budget, run)) {
                        return run;
                    }
                }
                restart();
                passes++;
                if (fromStart || !run.isEmpty()) {
                    return run;
                }
            }
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    private void restart() {
        mapId = -1;
        after = null;
    }

    /** How many times the sweep has passed the end of the last map. */
    long passes() {
        return passes;
    }

    /** Adds the leaves under {@code page} past the sweep's place; true once the budget is used up. */
    private boolean collect(MVMap<Object, Object> map, Page<Object, Object> page, long pos, IntPredicate sparse,
                            long[] budget, Run run) {
        boolean inSparse = DataUtils.isPageSaved(pos) && sparse.test(DataUtils.getPageChunkId(pos));
        if (page.isLeaf()) {
            return inSparse && page.getKeyCount() > 0 && take(map, page.getKey(0), pos, budget, run);
        }
        int before = run.keys().size();
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            //why: child i holds keys below key i, so none of it is past a sweep that already passed key i
            if (after != null && i < page.getKeyCount() && map.getKeyType().compare(page.getKey(i), after) <= 0) {
                continue;
            }
            long childPos = page.getChildPagePos(i);
            //why: a leaf in no sparse chunk is not read at all; an unsaved one goes to a new chunk anyway
            if (DataUtils.isPageSaved(childPos) ? DataUtils.isLeafPosition(childPos)
                    && !sparse.test(DataUtils.getPageChunkId(childPos)) : page.getChildPage(i).isLeaf()) {
                continue;
            }
            if (collect(map, page.getChildPage(i), childPos, sparse, budget, run)) {
                return true;
            }
        }
        //why: an inner page in a sparse chunk moves with any leaf below it; if none moved, its first leaf takes it along
        if (inSparse && run.keys().size() == before) {
            Page<Object, Object> first = page;
            while (!first.isLeaf()) {
                first = first.getChildPage(0);
            }
            return first.getKeyCount() > 0 && take(map, first.getKey(0), pos, budget, run);
        }
        return false;
    }

    private boolean take(MVMap<Object, Object> map, Object firstKey, long pos, long[] budget, Run run) {
        if (after != null && map.getKeyType().compare(firstKey, after) <= 0) {
            return false;
        }
        after = firstKey;
        run.maps().add(map);
        run.keys().add(firstKey);
        budget[0] -= DataUtils.getPageMaxLength(pos);
        return budget[0] <= 0;
    }

    //why: only the maps the engine opened with their own key and value types; the store's metadata is MVStore's own
    private TreeMap<Integer, MVMap<Object, Object>> openMaps() {
        TreeMap<Integer, MVMap<Object, Object>> maps = new TreeMap<>();
        for (String name : store.getMapNames()) {
            String id = store.getMetaMap().get(DataUtils.META_NAME + name);
            MVMap<Object, Object> map = id == null ? null : store.getMap(Integer.parseInt(id, 16));
            if (map != null && !map.isClosed()) {
                maps.put(map.getId(), map);
            }
        }
        return maps;
    }

    /** Leaves to rewrite, each named by its map and first key. */
    record Run(List<MVMap<Object, Object>> maps, List<Object> keys) {

        boolean isEmpty() {
            return keys.isEmpty();
        }

        /** Copies each leaf with the values it holds now; a key or a map removed meanwhile is passed over. */
        void rewrite() {
            for (int i = 0; i < keys.size(); i++) {
                MVMap<Object, Object> map = maps.get(i);
                try {
                    map.operate(keys.get(i), null, SAME_VALUE);
                } catch (MVStoreException e) {
                    //why: the run copies beside the writers, and a write may drop a collection's map meanwhile
                    if (e.getErrorCode() != DataUtils.ERROR_CLOSED || !map.isClosed()) {
                        throw e;
                    }
                }
            }
        }
    }
}
