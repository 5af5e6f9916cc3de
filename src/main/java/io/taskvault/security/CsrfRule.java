package io.taskvault.security;

import java.net.URI;
import java.util.Set;

import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests must carry a CSRF token: every state-changing request (not GET, HEAD, OPTIONS, TRACE), except
 * <ul>
 * <li>requests with a bearer token (no ambient credential a foreign page could borrow), and</li>
 * <li>{@code /api/**} requests that no foreign page sent: a browser always adds {@code Origin} or
 *     {@code Sec-Fetch-Site} to a cross-site request, and programs (curl, orchestrators) add neither.</li>
 * </ul>
 * So the dashboard's forms and htmx requests always need the token, and a cross-site page can never reach the API.
 */
final class CsrfRule implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod()) || BearerTokenFilter.carriesBearer(request)) {
            return false;
        }
        return !SecurityConfiguration.isApi(request) || fromForeignPage(request);
    }

    static boolean fromForeignPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.trim());
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
