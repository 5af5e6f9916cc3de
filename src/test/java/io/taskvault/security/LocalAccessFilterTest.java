package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is the login-free local user: from loopback, addressed by a local name, through no proxy. */
class LocalAccessFilterTest {

    private final LocalAccessFilter filter = new LocalAccessFilter(List.of("DevBox.internal"));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLoopbackRequestAddressedByALocalNameIsTheLocalAdmin() throws Exception {
        for (String host : List.of("localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "devbox.internal:80")) {
            assertThat(actingAs(request("127.0.0.1", host))).as(host).isEqualTo(LocalAccessFilter.LOCAL_USER);
        }
    }

    @Test
    void aNameReboundToLoopbackIsNotLocal() throws Exception {
        assertThat(actingAs(request("127.0.0.1", "evil.example:8080"))).isNull();
        assertThat(actingAs(request("127.0.0.1", "localhost.evil.example"))).isNull();
    }

    @Test
    void aRequestForwardedByAProxyIsNotLocal() throws Exception {
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Real-IP")) {
            MockHttpServletRequest request = request("127.0.0.1", "localhost:8080");
            request.addHeader(header, "for=203.0.113.9");
            assertThat(actingAs(request)).as(header).isNull();
        }
    }

    @Test
    void aRequestFromAnotherMachineIsNotLocalWhateverItsHost() throws Exception {
        assertThat(actingAs(request("10.1.2.3", "localhost"))).isNull();
    }

    private static MockHttpServletRequest request(String remote, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
        request.setRemoteAddr(remote);
        request.addHeader("Host", host);
        return request;
    }

    private String actingAs(MockHttpServletRequest request) throws Exception {
        SecurityContextHolder.clearContext();
        String[] seen = new String[1];
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                seen[0] = auth == null ? null : auth.getName();
            }
        });
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return seen[0];
    }
}
