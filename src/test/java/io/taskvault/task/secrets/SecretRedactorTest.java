package io.taskvault.task.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A corpus of real-looking (fake) secrets that must go, and of look-alikes that must stay. */
class SecretRedactorTest {

    @Test
    void redactsEverySecretInTheCorpusNamingItsKind() throws IOException {
        for (String[] sample : corpus("/secrets/secrets.txt")) {
            SecretRedactor.Redacted redacted = SecretRedactor.redact(sample[1]);
            assertThat(redacted.count()).as(sample[1]).isGreaterThanOrEqualTo(1);
            assertThat(redacted.text()).as(sample[1]).contains("[REDACTED:" + sample[0] + "]");
            assertThat(secretPart(sample[1], redacted.text())).as("nothing of the secret is left").isTrue();
        }
    }

    @Test
    void leavesLookAlikesUntouched() throws IOException {
        for (String[] sample : corpus("/secrets/lookalikes.txt")) {
            SecretRedactor.Redacted redacted = SecretRedactor.redact(sample[1]);
            assertThat(redacted.text()).as(sample[1]).isEqualTo(sample[1]);
            assertThat(redacted.count()).isZero();
        }
    }

    @Test
    void keepsTheContextAroundASecret() {
        SecretRedactor.Redacted redacted = SecretRedactor.redact("DATABASE_URL=postgres://app:hunter2hunter2@db:5432/app");
        assertThat(redacted.text()).isEqualTo("DATABASE_URL=postgres://app:[REDACTED:url-password]@db:5432/app");
    }

    @Test
    void redactsNestedMapValuesWithoutTouchingKeysOrOtherTypes() {
        SecretRedactor.Redacted.InMap redacted = SecretRedactor.redact(Map.of("env", Map.of("TOKEN",
                "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "RETRIES", 3), "list", List.of("sk-" + "a".repeat(40))));
        assertThat(redacted.count()).isEqualTo(2);
        assertThat(redacted.map().toString()).doesNotContain("ghp_abc", "aaaa").contains("RETRIES=3", "TOKEN=");
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
    void streamsLongContentWhateverTheReadSizes() throws IOException {
        byte[] big = "x".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8);
        RedactingInputStream in = new RedactingInputStream(new ByteArrayInputStream(big));
        assertThat(in.readNBytes(256 * 1024 + 1)).hasSize(256 * 1024 + 1);
        assertThat(in.readAllBytes()).hasSize(big.length - 256 * 1024 - 1);
    }

    private static boolean secretPart(String original, String redacted) {
        String[] tokens = original.split("[\\s'\":=@/]+");
        for (String token : tokens) {
            if (token.length() >= 30 && redacted.contains(token)) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> corpus(String resource) throws IOException {
        List<String[]> samples = new ArrayList<>();
        try (InputStream in = SecretRedactorTest.class.getResourceAsStream(resource)) {
            String[] blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^### ?");
            for (String block : blocks) {
                if (block.isBlank()) {
                    continue;
                }
                int newline = block.indexOf('\n');
                samples.add(new String[] {block.substring(0, newline).trim(), block.substring(newline + 1).stripTrailing()});
            }
        }
        assertThat(samples).hasSizeGreaterThan(15);
        return samples;
    }
}
