package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.taskvault.support.BesideTheSequence;

/** The first admin given by the operator: both parts or neither, the password hashed and never shown. */
@BesideTheSequence
class FirstAdminPropertiesTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aPlainPasswordIsHashedWithBcryptAndStillMatches() {
        UserDetails ada = new FirstAdminProperties("ada", PASSWORD).user(ENCODER).orElseThrow();
        assertThat(ada.getUsername()).isEqualTo("ada");
        assertThat(ada.getPassword()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(ENCODER.matches(PASSWORD, ada.getPassword())).isTrue();
        assertThat(ada.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_ADMIN");
    }

    @Test
    void aBcryptHashIsTakenAsItIs() {
        String hash = ENCODER.encode(PASSWORD);
        assertThat(new FirstAdminProperties("ada", hash).user(ENCODER).orElseThrow().getPassword()).isEqualTo(hash);
    }

    @Test
    void noneConfiguredMeansNoFirstAdmin() {
        assertThat(new FirstAdminProperties(null, null).user(ENCODER)).isEmpty();
        assertThat(new FirstAdminProperties(" ", "").configured()).isFalse();
    }

    @Test
    void halfAFirstAdminIsRefusedNamingTheMissingVariable() {
        assertThatThrownBy(() -> new FirstAdminProperties("ada", null).user(ENCODER))
                .isInstanceOf(FirstAdminException.class)
                .hasMessageStartingWith("TASKVAULT_SECURITY_ADMIN_NAME is set but TASKVAULT_SECURITY_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new FirstAdminProperties(null, PASSWORD).user(ENCODER))
                .hasMessageStartingWith("TASKVAULT_SECURITY_ADMIN_PASSWORD is set but TASKVAULT_SECURITY_ADMIN_NAME");
    }

    @Test
    void aShortOrOverlongPasswordIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new FirstAdminProperties("ada", "hunter2").user(ENCODER))
                .hasMessageContaining("too short").hasMessageContaining("at least 12").hasMessageNotContaining("hunter2");
        String overlong = "x".repeat(73);
        assertThatThrownBy(() -> new FirstAdminProperties("ada", overlong).user(ENCODER))
                .isInstanceOf(FirstAdminException.class).hasMessageContaining("TASKVAULT_SECURITY_ADMIN_PASSWORD")
                .hasMessageNotContaining(overlong);
    }

    @Test
    void theFirstAdminCannotShareANameWithAConfiguredUser() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("ada").password("{noop}x").roles("VIEWER").build());
        assertThatThrownBy(() -> new FirstAdminProperties("ada", PASSWORD).addTo(users, ENCODER))
                .hasMessageContaining("'ada'").hasMessageContaining("taskvault.security.users");
        new FirstAdminProperties("grace", PASSWORD).addTo(users, ENCODER);
        assertThat(users.userExists("grace")).isTrue();
    }

    @Test
    void thePasswordNeverShowsInTheProperties() {
        assertThat(new FirstAdminProperties("ada", PASSWORD).toString()).contains("ada").doesNotContain(PASSWORD);
    }

    @Test
    void theFailureAnalysisSaysToSetBothOrNeither() {
        FailureAnalysis analysis = new FirstAdminFailureAnalyzer()
                .analyze(new IllegalStateException(new FirstAdminException("TASKVAULT_SECURITY_ADMIN_NAME is set but")));
        assertThat(analysis.getDescription()).startsWith("TASKVAULT_SECURITY_ADMIN_NAME is set but");
        assertThat(analysis.getAction()).contains("TASKVAULT_SECURITY_ADMIN_NAME and TASKVAULT_SECURITY_ADMIN_PASSWORD",
                ".env.example");
    }
}
