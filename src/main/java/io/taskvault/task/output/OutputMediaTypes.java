package io.taskvault.task.output;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * An output's media type: checked when the output is written (a well-formed type of a registered top-level type),
 * and read back only to decide how the content is handed out, never as the type a browser is told to render.
 */
public final class OutputMediaTypes {

    /** The longest media type taken; real ones are a few dozen characters. */
    static final int MAX_LENGTH = 255;
    //why: the top-level types registered with IANA (RFC 6838); anything else is a typo or an attempt to smuggle text
    private static final Set<String> TOP_LEVEL = Set.of("application", "audio", "font", "haptics", "image", "message",
            "model", "multipart", "text", "video");
    private static final Set<String> TEXT_SUFFIXES = Set.of("json", "xml", "yaml", "javascript", "ecmascript", "csv",
            "x-sh", "x-ndjson", "toml", "sql", "graphql");

    private OutputMediaTypes() {
    }

    /** Empty when the type is acceptable (or absent), else what is wrong with it. */
    public static Optional<String> problem(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        if (mimeType.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (mimeType.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("contains a control character (CR, LF …)");
        }
        MimeType parsed;
        try {
            parsed = MimeTypeUtils.parseMimeType(mimeType);
        } catch (InvalidMimeTypeException e) {
            return Optional.of("'" + mimeType + "' is not a media type like text/plain or application/json");
        }
        if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
            return Optional.of("'" + mimeType + "' is a pattern, not one media type");
        }
        if (!TOP_LEVEL.contains(parsed.getType().toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + mimeType + "' has an unknown top-level type; use one of " + TOP_LEVEL);
        }
        return Optional.empty();
    }

    /** Whether the content is text a person can read in the browser (then it is shown as plain text). */
    public static boolean readableAsText(String mimeType) {
        if (mimeType == null || problem(mimeType).isPresent()) {
            return false;
        }
        MimeType parsed = MimeTypeUtils.parseMimeType(mimeType);
        String subtype = parsed.getSubtype().toLowerCase(Locale.ROOT);
        String suffix = subtype.contains("+") ? subtype.substring(subtype.lastIndexOf('+') + 1) : subtype;
        String type = parsed.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("application") && (TEXT_SUFFIXES.contains(suffix)
                || TEXT_SUFFIXES.contains(subtype));
    }
}
