package io.taskvault.task.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.taskvault.task.history.WellFormedText;

/**
 * Finds credentials in text before it is stored and replaces the secret part with {@code [REDACTED:<kind>]}.
 * Each rule is anchored on a credential's own shape (prefix, length, alphabet) so look-alikes stay untouched.
 */
public final class SecretRedactor {

    private static final String PASSWORD_KEY = "(?i)(?:passw(?:or)?d|pwd)[\"']?";
    private static final String NOT_PLACEHOLDER = "(?![$<{*%\\[/~\"'])";
    private static final List<Rule> RULES = List.of(
            new Rule("private-key", List.of("private key"), Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----"), 0),
            new Rule("aws-access-key", List.of("akia","asia","agpa","aida","aroa","anpa"), Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16})\\b"), 1),
            new Rule("aws-secret-key", List.of("secret"), Pattern.compile(
                    "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"), 1),
            new Rule("api-key", List.of("sk-"), Pattern.compile("\\b(sk-(?:ant-|proj-|live-|test-|svcacct-)?[A-Za-z0-9_-]{32,})"), 1),
            new Rule("stripe-key", List.of("k_live_","k_test_"), Pattern.compile("\\b((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})"), 1),
            new Rule("github-token", List.of("gh"), Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255})\\b"), 1),
            new Rule("github-token", List.of("github_pat_"), Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{60,255})\\b"), 1),
            new Rule("gitlab-token", List.of("glpat-"), Pattern.compile("\\b(glpat-[A-Za-z0-9_-]{20,})"), 1),
            new Rule("npm-token", List.of("npm_"), Pattern.compile("\\b(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"), 1),
            new Rule("slack-token", List.of("xox"), Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9-]{10,})"), 1),
            new Rule("slack-webhook", List.of("hooks.slack"), Pattern.compile(
                    "hooks\\.slack(?:-gov)?\\.com/((?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,})"), 1),
            new Rule("google-api-key", List.of("aiza"), Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"), 1),
            //why: a JWT's header and payload are base64url JSON objects, so both start with "eyJ" ({")
            new Rule("jwt", List.of("eyj"), Pattern.compile(
                    "\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})(?![A-Za-z0-9_-])"), 1),
            new Rule("bearer-token", List.of("bearer"), Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)"), 1),
            //why: only base64 that decodes to user:password, so "basic" in prose stays
            new Rule("basic-auth", List.of("basic"), Pattern.compile("(?i)\\bbasic\\s+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])"), 1,
                    SecretRedactor::isUserColonPassword),
            //why: assigned (=), quoted (JSON, YAML) or ending a YAML line; placeholders (${X}, <x>, ***) and paths stay
            new Rule("password", List.of("pass", "pwd"), Pattern.compile(PASSWORD_KEY + "\\s*[:=]\\s*([\"'])" + NOT_PLACEHOLDER + "([^\"'\\r\\n]+)\\1"), 2),
            new Rule("password", List.of("pass", "pwd"), Pattern.compile(PASSWORD_KEY + "\\s*=\\s*" + NOT_PLACEHOLDER + "([^\\s\"'&;,]+)"), 1),
            new Rule("password", List.of("pass", "pwd"), Pattern.compile(PASSWORD_KEY + ":[ \\t]*" + NOT_PLACEHOLDER + "([^\\s\"']+)[ \\t]*\\r?$",
                    Pattern.MULTILINE), 1),
            //why: a password may itself hold '@' or '/': it ends at the last '@' before the query; digits then '/' are a port
            new Rule("url-password", List.of("://"), Pattern.compile(
                    "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@?#]+:(?!\\[REDACTED:)(?!\\d{1,5}(?:[/?#]|$))([^\\s?#\"'<>`]+)@"), 1));
    private static final Hint[][] HINTS_BY_FIRST = hintsByFirst();

    private SecretRedactor() {
    }

    /** The text, well formed (see {@link WellFormedText}), with every secret replaced, and how many were. */
    public static Redacted redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redacted(text, 0);
        }
        String result = WellFormedText.of(text);
        //why: redaction only removes text (and adds markers), so a hint missing here is missing for every rule
        BitSet hinted = hintedRules(result, false);
        int count = 0;
        for (int r = hinted.nextSetBit(0); r >= 0; r = hinted.nextSetBit(r + 1)) {
            Rule rule = RULES.get(r);
            Matcher matcher = rule.pattern.matcher(result);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                if (!rule.applies.test(matcher.group(rule.group))) {
                    continue;
                }
                int start = matcher.start(rule.group);
                int end = matcher.end(rule.group);
                out.append(result, last, start).append("[REDACTED:").append(rule.kind).append(']');
                last = end;
                count++;
            }
            if (last > 0) {
                out.append(result, last, result.length());
                result = out.toString();
            }
        }
        return new Redacted(result, count);
    }

    /**
     * Whether any rule could match in the text; when none can, {@link #redact(String)} changes nothing but lone
     * surrogates.
     */
    static boolean mayHoldSecret(String text) {
        return !hintedRules(text, true).isEmpty();
    }

    /**
     * The positions in {@link #RULES} of the rules one of whose hints the text holds (only the first found when
     * {@code firstOnly}), from one pass over the text.
     * //why: a search per hint (about thirty) over each 64 KiB block of a 100 MiB log was most of its upload's redaction
     */
    private static BitSet hintedRules(String text, boolean firstOnly) {
        BitSet hinted = new BitSet(RULES.size());
        for (int at = 0, length = text.length(); at < length; at++) {
            char first = text.charAt(at);
            Hint[] hints = first < HINTS_BY_FIRST.length ? HINTS_BY_FIRST[asciiLowerCase(first)] : null;
            if (hints == null) {
                continue;
            }
            for (Hint hint : hints) {
                if (startsWithIgnoringAsciiCase(text, at, hint.text)) {
                    hinted.or(hint.rules);
                    if (firstOnly) {
                        return hinted;
                    }
                }
            }
        }
        return hinted;
    }

    //why: the rules' letters are ASCII and their (?i) folds ASCII only, so ASCII folding finds every hint a match holds
    private static boolean startsWithIgnoringAsciiCase(String text, int at, String hint) {
        if (at + hint.length() > text.length()) {
            return false;
        }
        for (int i = 1; i < hint.length(); i++) {
            if (asciiLowerCase(text.charAt(at + i)) != hint.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Every rule's hints, by their first character, each with the rules it hints at. */
    private static Hint[][] hintsByFirst() {
        Map<String, BitSet> rulesByHint = new LinkedHashMap<>();
        for (int r = 0; r < RULES.size(); r++) {
            for (String hint : RULES.get(r).hints) {
                rulesByHint.computeIfAbsent(hint, text -> new BitSet()).set(r);
            }
        }
        Map<Character, List<Hint>> byFirst = new LinkedHashMap<>();
        rulesByHint.forEach((text, rules) -> byFirst.computeIfAbsent(text.charAt(0), first -> new ArrayList<>())
                .add(new Hint(text, rules)));
        Hint[][] table = new Hint[128][];
        byFirst.forEach((first, hints) -> table[first] = hints.toArray(Hint[]::new));
        return table;
    }

    /** A hint (lower case) and the rules it belongs to. */
    private record Hint(String text, BitSet rules) {
    }

    /** A copy of a free map (nested maps and lists included) with secrets in its keys and text values replaced. */
    public static Redacted.InMap redact(Map<String, Object> map) {
        int[] count = {0};
        Map<String, Object> copy = map == null ? null : redactMap(map, count);
        return new Redacted.InMap(copy, count[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redactMap(Map<String, Object> map, int[] count) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Redacted name = redact(key);
            count[0] += name.count();
            String unique = name.text();
            for (int n = 2; copy.containsKey(unique); n++) {
                unique = name.text() + "#" + n;
            }
            copy.put(unique, redactValue(value, count));
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object value, int[] count) {
        if (value instanceof String text) {
            Redacted redacted = redact(text);
            count[0] += redacted.count();
            return redacted.text();
        }
        if (value instanceof Map<?, ?> nested) {
            return redactMap((Map<String, Object>) nested, count);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(redactValue(item, count)));
            return copy;
        }
        return value;
    }

    private static boolean isUserColonPassword(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1 && decoded.chars().noneMatch(Character::isISOControl);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A kind of secret; {@code hints} (lower case) are text one of which any match holds, to skip the rule fast. */
    private record Rule(String kind, List<String> hints, Pattern pattern, int group, Predicate<String> applies) {

        Rule(String kind, List<String> hints, Pattern pattern, int group) {
            this(kind, hints, pattern, group, secret -> true);
        }
    }

    /** Text after redaction and the number of secrets replaced in it. */
    public record Redacted(String text, int count) {

        /** A map after redaction and the number of secrets replaced in it. */
        public record InMap(Map<String, Object> map, int count) {
        }
    }
}
