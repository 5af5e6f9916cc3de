package io.taskvault.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The checksum a state-directory audit entry records: SHA-256 (hex) over the entry without its {@code checksum}
 * field, written as the Python source writes it, {@code json.dumps(entry, sort_keys=True)}. A recorded checksum
 * matches when it is that digest or a prefix of it (at least four characters: sources shorten them).
 */
final class AuditChecksums {

    static final int SHORTEST = 4;

    private AuditChecksums() {
    }

    /** Whether the entry's recorded checksum fits its content; an entry without one has nothing to check. */
    static boolean matches(Map<String, Object> entry) {
        Object recorded = entry.get("checksum");
        if (recorded == null) {
            return true;
        }
        String expected = of(entry);
        String given = recorded.toString().strip().toLowerCase(Locale.ROOT);
        return given.length() >= SHORTEST && expected.startsWith(given);
    }

    /** The checksum the entry should record. */
    static String of(Map<String, Object> entry) {
        Map<String, Object> content = new TreeMap<>(entry);
        content.remove("checksum");
        StringBuilder json = new StringBuilder();
        write(content, json);
        return DigestUtils.sha256Hex(json.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                out.append(separator);
                string(e.getKey().toString(), out);
                out.append(": ");
                write(e.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(pythonFloat(d));
        } else {
            string(value.toString(), out);
        }
    }

    /** Python's {@code json} with {@code ensure_ascii}: everything outside printable ASCII as an escape. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c >= ' ' && c <= '~' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: plain between 1e-4 and 1e16, else {@code 1.5e+16}. */
    private static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
