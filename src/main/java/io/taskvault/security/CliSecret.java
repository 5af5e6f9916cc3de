package io.taskvault.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The secret a local launcher proves itself with when it hands a command to this server ({@value #HEADER} header).
 * It lives only in this process and in a file beside the data file that only its owner can read, so a browser page
 * (even one that reaches loopback by DNS rebinding) cannot know it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CliSecret {

    public static final String HEADER = "X-Taskvault-Cli";
    private final String value;

    public CliSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.value = HexFormat.of().formatHex(bytes);
    }

    /** The secret, to be written where only the data file's owner can read it. */
    public String value() {
        return value;
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.trim().getBytes(StandardCharsets.UTF_8));
    }
}
