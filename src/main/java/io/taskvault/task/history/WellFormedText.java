package io.taskvault.task.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Text as it can be stored: a lone UTF-16 surrogate (which UTF-8 cannot encode) becomes U+FFFD. Applied before
 * anything is hashed, so what the hash chain covers is exactly what the store keeps.
 */
public final class WellFormedText {

    public static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    /** The text with every unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    public static String of(String text) {
        if (text == null || !hasLoneSurrogate(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the document (nested documents, maps and lists included) with its keys and text well formed. */
    public static Document of(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(of(key), value(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        if (value instanceof String text) {
            return of(text);
        }
        if (value instanceof Document nested) {
            return of(nested);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, item) -> copy.put(of(key), value(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return copy;
        }
        return value;
    }
}
