package io.taskvault.overview;

import org.springframework.stereotype.Component;

import io.taskvault.store.StoreInfo;

/** What the overview says of the store: which engine serves the data and, for the embedded one, its file's size. */
@Component
public class StoreFigures {

    private final StoreInfo store;

    StoreFigures(StoreInfo store) {
        this.store = store;
    }

    public String engine() {
        return store.engine();
    }

    /** The data file's size in bytes, or null when the data lives in a MongoDB server. */
    public Long dataFileSize() {
        return store.dataFileBytes().isPresent() ? store.dataFileBytes().getAsLong() : null;
    }
}
