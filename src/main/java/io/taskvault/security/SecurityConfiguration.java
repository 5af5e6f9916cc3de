package io.taskvault.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may do what, for the dashboard and the REST API (roles in {@link Role}). Import it into web slice tests:
 * {@code @Import(SecurityConfiguration.class)}. The rules, in order:
 * shell commands over HTTP only for the local launcher's secret or an ADMIN token, never a browser's session (their own
 * lean chain, {@link ShellCommandSecurity});
 * ADMIN for imports, backups, archival, restores, maintenance runs and every DELETE; OPERATOR for every other
 * state-changing request; VIEWER for reading. Sign-in pages and static files are open. Moving a single task into or
 * out of the archive is decided by TaskService on the parsed state, not by a URL rule.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ShellCommandSecurity.class)
@EnableConfigurationProperties({AccessProperties.class, FirstAdminProperties.class, LocalAccessProperties.class,
        LoginThrottleProperties.class})
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs")
                || path.startsWith("/actuator");
    }

    @Bean
    SecurityFilterChain taskvaultSecurity(HttpSecurity http, AccessProperties access, LocalAccessProperties local,
                                          @Value("${server.address:}") String serverAddress,
                                          ObjectProvider<ApiTokens> tokens,
                                          ObjectProvider<CliSecret> cliSecret, LoginThrottle throttle) throws Exception {
        RequestMatcher api = SecurityConfiguration::isApi;
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        //why: a container's health check has no login; these answer only UP or DOWN
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/api/import/**", "/api/backups/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(POST, "/api/archive/**", "/api/tasks/*/restore", "/api/recovery/**",
                                "/api/integrity/**", "/api/schema/**").hasRole(Role.ADMIN.name())
                        //why: a person's own saved views and defaults change nothing anyone else sees
                        .requestMatchers("/api/views", "/api/views/**", "/api/preferences", "/preferences",
                                "/preferences/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(DELETE, "/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(POST, "/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(PUT, "/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(PATCH, "/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CsrfRule())
                        //why: the plain (not XOR-masked) token, so htmx can copy it from a meta tag into X-CSRF-TOKEN
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .formLogin(form -> form.loginPage(LoginController.PATH).permitAll()
                        .successHandler(countingSuccess(throttle)).failureHandler(countingFailure(throttle)))
                .logout(logout -> logout.logoutSuccessUrl(LoginController.PATH + "?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginController.PATH),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(), api)
                        .defaultAccessDeniedHandlerFor(new DashboardDenied(), request -> true))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(UserContent.ROUTES), new ContentSecurityPolicyHeaderWriter(CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                UserContent.ROUTES, new ContentSecurityPolicyHeaderWriter(UserContent.CSP)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        //why: written at the end of the chain they race a streamed body's own thread (outputs)
                        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .httpBasic(basic -> basic.disable());
        identifyCallers(http, access, local, serverAddress, tokens, cliSecret);
        http.addFilterAfter(new ActorHeaderFilter(), AnonymousAuthenticationFilter.class);
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The filters that tell who calls, the same on every chain: an API token, the local launcher's secret, and, where
     * use is login-free, the local user.
     */
    static void identifyCallers(HttpSecurity http, AccessProperties access, LocalAccessProperties local,
                                String serverAddress, ObjectProvider<ApiTokens> tokens,
                                ObjectProvider<CliSecret> cliSecret) {
        http.addFilterBefore(new BearerTokenFilter(Optional.ofNullable(tokens.getIfAvailable())),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new CliSecretFilter(Optional.ofNullable(cliSecret.getIfAvailable())),
                        BasicAuthenticationFilter.class);
        if (loginFree(access, serverAddress)) {
            http.addFilterBefore(new LocalAccessFilter(local.localHosts()), AnonymousAuthenticationFilter.class);
        }
    }

    /** The rule for login-free use: a loopback server.address and no {@code require-login}. */
    static boolean loginFree(AccessProperties access, String serverAddress) {
        return !access.requireLogin() && LocalAccessFilter.isLoopback(serverAddress);
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties limits, ObjectProvider<Clock> clock,
                                ObjectProvider<MeterRegistry> meters) {
        return new LoginThrottle(limits, clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable());
    }

    private static AuthenticationSuccessHandler countingSuccess(LoginThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();
        home.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            home.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler countingFailure(LoginThrottle throttle) {
        AuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler(LoginController.PATH + "?error");
        return (request, response, failure) -> {
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            back.onAuthenticationFailure(request, response, failure);
        };
    }

    /**
     * No observation of Spring Security's filters, sign-ins or decisions: with observations of {@code spring.security}
     * off (application.yml) each filter still ran inside a decorator that asked for one.
     */
    //why: the decorator wrapped every filter of every chain, the launcher's included, to start no-op observations
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService taskvaultUsers(AccessProperties access, FirstAdminProperties admin, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (AccessProperties.User user : access.users()) {
            if (user.name() == null || user.password() == null || user.role() == null) {
                throw new IllegalStateException("taskvault.security.users: each user needs name, password and role");
            }
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .authorities(user.role().authorities()).build());
        }
        admin.addTo(users, encoder);
        return users;
    }
}
