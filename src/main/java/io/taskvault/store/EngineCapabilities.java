package io.taskvault.store;

/**
 * What the engine behind the driver can do where the embedded store and MongoDB differ. Asked inside store/ only:
 * the application issues the same queries on both.
 */
public record EngineCapabilities(boolean textIndexes) {

    static final EngineCapabilities EMBEDDED = new EngineCapabilities(false);
    static final EngineCapabilities MONGODB = new EngineCapabilities(true);
}
