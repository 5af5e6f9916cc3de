package io.taskvault.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The filter chain of the door that runs shell commands handed over by a local launcher ({@value #SHELL_COMMANDS}):
 * the same rules as the rest of the API (the launcher's secret or an ADMIN token; a request a foreign page sent is
 * refused as a CSRF attempt; the answers are RFC 9457 problems), without what only pages and sign-in need (form login,
 * logout, the saved request, the login throttle, the actor header, the pages' content security policy).
 */
//why: a launcher's command waits on this chain, so it runs only the filters the door needs
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ShellCommandSecurity {

    /** The door that runs shell commands handed over by a local launcher (see {@link CliSecret}). */
    static final String SHELL_COMMANDS = "/api/shell/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain shellCommandChain(HttpSecurity http, AccessProperties access, LocalAccessProperties local,
                                          @Value("${server.address:}") String serverAddress,
                                          ObjectProvider<ApiTokens> tokens,
                                          ObjectProvider<CliSecret> cliSecret) throws Exception {
        http.securityMatcher(SHELL_COMMANDS)
                .authorizeHttpRequests(rules -> rules.anyRequest().access(CliSecretFilter.shellCommands()))
                //why: the API's rule; the token itself lives in the dashboard's session, which a foreign page lacks
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CsrfRule()).csrfTokenRepository(new NoTokens()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .headers(headers -> headers.defaultsDisabled().contentTypeOptions(options -> { })
                        .cacheControl(cache -> { }).frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.disable())
                .servletApi(api -> api.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        //why: the local user may not run commands, but is told so (403) rather than asked to sign in (401)
        SecurityConfiguration.identifyCallers(http, access, local, serverAddress, tokens, cliSecret);
        return http.build();
    }

    /**
     * No CSRF token on this door: no page hands one out for it, so a request the rule asks a token of is refused, and
     * the refusal leaves no session behind (the session-backed repository opened one to keep the token it made).
     */
    static final class NoTokens implements CsrfTokenRepository {

        private final CsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return tokens.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return null;
        }
    }
}
