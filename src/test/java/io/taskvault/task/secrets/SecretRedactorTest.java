package io.taskvault.task.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.taskvault.support.BesideTheSequence;

/** A corpus of real-looking (fake) secrets that must go, and of look-alikes that must stay. */
@BesideTheSequence
class SecretRedactorTest {

    private static final String SECRETS = "/secrets/secrets.txt";
    private static final String LOOKALIKES = "/secrets/lookalikes.txt";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("secrets")
    void redactsEverySecretInTheCorpusNamingItsKind(String kind, String text, String secret) {
        SecretRedactor.Redacted redacted = SecretRedactor.redact(text);
        assertThat(redacted.count()).as(text).isGreaterThanOrEqualTo(1);
        assertThat(redacted.text()).as(text).contains("[REDACTED:" + kind + "]");
        assertThat(leaksNothing(text, secret, redacted.text())).as("nothing of the secret is left in " + redacted.text())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("secrets")
    void hintsAtEverySecretInTheCorpusInAnyCaseAndAnywhereInABlock(String kind, String text, String secret) {
        String prose = "step 12 finished in 3.2 s; nothing to report\n".repeat(40);
        assertThat(SecretRedactor.mayHoldSecret(prose)).as("plain build output").isFalse();
        assertThat(SecretRedactor.mayHoldSecret(prose + text)).as(text).isTrue();
        assertThat(SecretRedactor.mayHoldSecret(text.toUpperCase(java.util.Locale.ROOT) + prose)).as(text).isTrue();
        assertThat(SecretRedactor.mayHoldSecret(prose + text.toLowerCase(java.util.Locale.ROOT) + prose)).as(text).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("lookalikes")
    void leavesLookAlikesUntouched(String kind, String text, String unused) {
        SecretRedactor.Redacted redacted = SecretRedactor.redact(text);
        assertThat(redacted.text()).as(text).isEqualTo(text);
        assertThat(redacted.count()).isZero();
    }

    @Test
    void redactsTheWholeCorpusAndTouchesNoLookAlike() throws IOException {
        List<String[]> secrets = corpus(SECRETS);
        List<String[]> lookalikes = corpus(LOOKALIKES);
        long redacted = secrets.stream().filter(s -> {
            SecretRedactor.Redacted r = SecretRedactor.redact(s[1]);
            return r.text().contains("[REDACTED:" + s[0] + "]") && leaksNothing(s[1], s[2], r.text());
        }).count();
        long touched = lookalikes.stream().filter(s -> !SecretRedactor.redact(s[1]).text().equals(s[1])).count();
        System.out.printf("redaction corpus: %d/%d secrets redacted, %d/%d look-alikes touched%n", redacted,
                secrets.size(), touched, lookalikes.size());
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(50);
        assertThat(lookalikes).hasSizeGreaterThanOrEqualTo(20);
        assertThat(redacted).isEqualTo(secrets.size());
        assertThat(touched).isZero();
    }

    @Test
    void keepsTheContextAroundASecret() {
        SecretRedactor.Redacted redacted = SecretRedactor.redact("DATABASE_URL=postgres://app:hunter2hunter2@db:5432/app");
        assertThat(redacted.text()).isEqualTo("DATABASE_URL=postgres://app:[REDACTED:url-password]@db:5432/app");
    }

    @Test
    void redactsNestedMapKeysAndValuesWithoutTouchingOtherTypes() {
        SecretRedactor.Redacted.InMap redacted = SecretRedactor.redact(Map.of("env", Map.of("TOKEN",
                "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "RETRIES", 3), "list", List.of("sk-" + "a".repeat(40)),
                "sk_live_" + "k".repeat(24), "a key"));
        assertThat(redacted.count()).isEqualTo(3);
        assertThat(redacted.map().toString()).doesNotContain("ghp_abc", "aaaa", "kkkk")
                .contains("RETRIES=3", "TOKEN=", "[REDACTED:stripe-key]=a key");
    }

    @Test
    void redactsAPasswordHoldingAnAtOrASlashWhole() {
        assertThat(SecretRedactor.redact("https://deploy:Hunter2@Secret@host/x").text())
                .isEqualTo("https://deploy:[REDACTED:url-password]@host/x");
        assertThat(SecretRedactor.redact("https://deploy:Hunter2/Secret@host/x").text())
                .isEqualTo("https://deploy:[REDACTED:url-password]@host/x");
        assertThat(SecretRedactor.redact("https://host:8443/a@b and https://u:p@h/x?mail=a@b.c").text())
                .isEqualTo("https://host:8443/a@b and https://u:[REDACTED:url-password]@h/x?mail=a@b.c");
    }

    @Test
    void makesLoneSurrogatesWellFormed() {
        assertThat(SecretRedactor.redact("sur \ud800 x").text()).isEqualTo("sur \ufffd x");
        assertThat(SecretRedactor.redact("pair \ud83d\ude00 ok").text()).isEqualTo("pair \ud83d\ude00 ok");
    }

    @Test
    void redactsAStreamLineByLineKeepingEverythingElseByteForByte() throws IOException {
        String log = "step 1 ok\nusing sk-" + "b".repeat(40) + " now\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nabc\n"
                + "-----END EC PRIVATE KEY-----\nlast line without newline";
        RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("step 1 ok\nusing [REDACTED:api-key] now\n[REDACTED:private-key]\n"
                + "last line without newline");
        assertThat(in.redactions()).isEqualTo(2);
    }

    @Test
    void redactsASecretAcrossTheCutOfAnOverLongLine() throws IOException {
        String secret = "sk_live_" + "S".repeat(30);
        for (int before : new int[] {12, 37}) {
            String line = "x".repeat(RedactingInputStream.MAX_LINE - before) + " " + secret + " " + "y".repeat(5_000);
            RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            //why: compared as booleans, so a failure does not print a megabyte
            assertThat(out.contains("SS")).as("cut %d before the end of the key: a part of it is left", before).isFalse();
            assertThat(out.equals(line.replace(secret, "[REDACTED:stripe-key]"))).as("all else kept").isTrue();
            assertThat(in.redactions()).isEqualTo(1);
        }
    }

    @Test
    void keepsASurrogatePairWholeAcrossTheCut() throws IOException {
        String line = "x".repeat(RedactingInputStream.MAX_LINE - 1) + "\ud83d\ude00" + "z".repeat(RedactingInputStream.CARRY);
        RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(line)).isTrue();
    }

    @Test
    void tellsTextFromBinaryByTheHead() throws IOException {
        assertThat(RedactingInputStream.looksLikeText(new java.io.BufferedInputStream(
                new ByteArrayInputStream("caf\u00e9 ok".getBytes(StandardCharsets.UTF_8))))).isTrue();
        byte[] cutInsideACharacter = ("a".repeat(RedactingInputStream.SNIFF_BYTES - 1) + "\u00e9").getBytes(StandardCharsets.UTF_8);
        assertThat(RedactingInputStream.looksLikeText(new java.io.BufferedInputStream(
                new ByteArrayInputStream(cutInsideACharacter)))).isTrue();
        assertThat(RedactingInputStream.looksLikeText(new java.io.BufferedInputStream(
                new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 0, 0})))).isFalse();
        assertThat(RedactingInputStream.looksLikeText(new java.io.BufferedInputStream(
                new ByteArrayInputStream(new byte[] {'a', (byte) 0xC0, (byte) 0xAF, 'b'})))).isFalse();
    }

    @Test
    void redactsBlocksOfPlainLinesAsLineByLineWithSecretsNearTheBlocksEdges() throws IOException {
        java.util.Random random = new java.util.Random(3);
        List<String> lines = new ArrayList<>();
        int secrets = 0;
        for (int chars = 0; chars < 5 * RedactingInputStream.BLOCK; ) {
            String line = random.nextInt(40) == 0 ? "token sk-" + "c".repeat(32 + random.nextInt(20)) + " used\n"
                    : "build step " + "é✓".repeat(random.nextInt(30)) + " ok " + random.nextInt() + "\n";
            secrets += line.startsWith("token") ? 1 : 0;
            lines.add(line);
            chars += line.length();
        }
        StringBuilder expected = new StringBuilder();
        lines.forEach(line -> expected.append(SecretRedactor.redact(line).text()));
        RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(String.join("", lines)
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(in.redactions()).isEqualTo(secrets).isGreaterThan(10);
    }

    @Test
    void streamsLongContentWhateverTheReadSizes() throws IOException {
        byte[] big = "x".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8);
        RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(big));
        assertThat(in.readNBytes(256 * 1024 + 1)).hasSize(256 * 1024 + 1);
        assertThat(in.readAllBytes()).hasSize(big.length - 256 * 1024 - 1);
    }

    /** No long token of the original and not the named secret (if the corpus names one) is left. */
    private static boolean leaksNothing(String original, String secret, String redacted) {
        if (secret != null && redacted.contains(secret)) {
            return false;
        }
        for (String token : original.split("[\\s'\":=@/]+")) {
            if (token.length() >= 30 && redacted.contains(token)) {
                return false;
            }
        }
        return true;
    }

    static Stream<Arguments> secrets() throws IOException {
        return corpus(SECRETS).stream().map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    static Stream<Arguments> lookalikes() throws IOException {
        return corpus(LOOKALIKES).stream().map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    /** Blocks of "### kind [secret]" then the text; the secret, when named, must not survive redaction. */
    private static List<String[]> corpus(String resource) throws IOException {
        List<String[]> samples = new ArrayList<>();
        try (InputStream in = SecretRedactorTest.class.getResourceAsStream(resource)) {
            String[] blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^### ?");
            for (String block : blocks) {
                if (block.isBlank()) {
                    continue;
                }
                int newline = block.indexOf('\n');
                String[] header = block.substring(0, newline).trim().split(" ", 2);
                samples.add(new String[] {header[0], block.substring(newline + 1).stripTrailing(),
                        header.length > 1 ? header[1] : null});
            }
        }
        assertThat(samples).hasSizeGreaterThan(15);
        return samples;
    }
}
