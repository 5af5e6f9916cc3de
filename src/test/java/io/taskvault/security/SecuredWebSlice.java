package io.taskvault.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * For {@code @WebMvcTest} slices of the dashboard and the API: the application's real security rules, with every
 * request sent as the page would send it (from this machine, with its CSRF token). The rules themselves are
 * pinned down by the tests in this package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({SecurityConfiguration.class, SecuredWebSlice.WithCsrfToken.class})
public @interface SecuredWebSlice {

    /** Adds the CSRF token to every request, as the dashboard's forms and htmx requests do. */
    //why: imported, never annotated: an application started from the test classpath scans annotated classes too
    class WithCsrfToken {
        @Bean
        MockMvcBuilderCustomizer csrfOnEveryRequest() {
            return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(csrf()));
        }
    }
}
