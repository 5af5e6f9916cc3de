package io.taskvault.store;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.stereotype.Component;

/**
 * Cache keys made of the method, its arguments and the store's change counter as it stood before the read: an answer
 * read before a write is filed under the old count, so no read after that write (by this process or one the change
 * feed reports) is served it, whenever the cache gets round to clearing.
 */
@Component(StoreVersionKeys.NAME)
public class StoreVersionKeys implements KeyGenerator {

    public static final String NAME = "storeVersionKeys";

    private final StoreChanges changes;

    StoreVersionKeys(StoreChanges changes) {
        this.changes = changes;
    }

    @Override
    public Object generate(Object target, Method method, Object... params) {
        Object[] parts = Arrays.copyOf(params, params.length + 2);
        parts[params.length] = method.getName();
        parts[params.length + 1] = changes.version();
        return new SimpleKey(parts);
    }
}
