package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up refusal on a non-loopback address with nobody able to log in, and how it is explained. */
class ExposureGuardTest {

    private static final AccessProperties NOBODY = new AccessProperties(false, List.of());
    private static final FirstAdminProperties NO_ADMIN = new FirstAdminProperties(null, null);

    @Test
    void loopbackStartsWithoutAnyUserOrToken() {
        assertThatCode(() -> ExposureGuard.check(NOBODY, NO_ADMIN, "127.0.0.1", 0)).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.check(NOBODY, NO_ADMIN, "localhost", 0)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherAddressRefusesToStartUntilAUserOrTokenExists() {
        assertThatThrownBy(() -> ExposureGuard.check(NOBODY, NO_ADMIN, "0.0.0.0", 0))
                .isInstanceOf(UnprotectedExposureException.class).hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> ExposureGuard.check(NOBODY, NO_ADMIN, "", 0))
                .hasMessageContaining("every network interface");
        assertThatCode(() -> ExposureGuard.check(NOBODY, NO_ADMIN, "0.0.0.0", 1)).doesNotThrowAnyException();
        AccessProperties oneUser = new AccessProperties(false,
                List.of(new AccessProperties.User("ada", "{bcrypt}x", Role.ADMIN)));
        assertThatCode(() -> ExposureGuard.check(oneUser, NO_ADMIN, "0.0.0.0", 0)).doesNotThrowAnyException();
    }

    @Test
    void theFirstAdminFromTheEnvironmentIsSomeoneWhoCanLogIn() {
        FirstAdminProperties ada = new FirstAdminProperties("ada", "correct horse battery staple");
        assertThatCode(() -> ExposureGuard.check(NOBODY, ada, "0.0.0.0", 0)).doesNotThrowAnyException();
    }

    @Test
    void requiringLoginWithNobodyToLogInRefusesToStartEvenOnLoopback() {
        assertThatThrownBy(() -> ExposureGuard.check(new AccessProperties(true, List.of()), NO_ADMIN, "127.0.0.1", 0))
                .hasMessageContaining("require-login");
    }

    @Test
    void theFailureAnalysisSaysHowToFixIt() {
        UnprotectedExposureException cause = new UnprotectedExposureException("0.0.0.0", "taskvault would listen on 0.0.0.0");
        FailureAnalysis analysis = new UnprotectedExposureFailureAnalyzer().analyze(new IllegalStateException(cause));
        assertThat(analysis.getDescription()).contains("0.0.0.0");
        assertThat(analysis.getAction()).contains("TASKVAULT_SECURITY_ADMIN_NAME", "TASKVAULT_SECURITY_ADMIN_PASSWORD",
                "taskvault.security.users[0]", "token create");
    }
}
