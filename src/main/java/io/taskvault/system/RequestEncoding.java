package io.taskvault.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, on every path, a query string that is not percent-encoded strict UTF-8 ({@code ?search=%FF%FE}, an overlong
 * {@code %C0%AF}, a bare {@code %}), or a form body the container cannot decode, with 400 and problem details, before the
 * container decodes it some way of its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestEncoding extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String problem = query == null ? null : problemOf(query);
        if (problem != null) {
            RequestLimits.write(response, HttpStatus.BAD_REQUEST, ApiProblems.problem(HttpStatus.BAD_REQUEST,
                    "Invalid input", "The query string is not valid: " + problem));
            return;
        }
        if (isForm(request)) {
            try {
                //why: the container decodes a form body on first use and throws there; reading it here answers 400 once
                request.getParameterMap();
            } catch (IllegalStateException e) {
                RequestLimits.write(response, HttpStatus.BAD_REQUEST, ApiProblems.problem(HttpStatus.BAD_REQUEST,
                        "Invalid input", "The form body is not valid: its percent-encoded bytes are not UTF-8 or a '%'"
                                + " is not followed by two hex digits"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** What is wrong with the raw query string, or null if it decodes as strict UTF-8. */
    static String problemOf(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(query.charAt(i + 2), 16);
                if (low < 0) {
                    return "'%' at character " + (i + 1) + " is not followed by two hex digits";
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0xFF) {
                return "it holds a character that was not percent-encoded";
            } else {
                //why: the container hands the raw query over byte for byte, as ISO-8859-1
                bytes.write(c);
            }
        }
        return StrictUtf8.isValid(bytes.toByteArray()) ? null
                : "its percent-encoded bytes are not UTF-8 (invalid, overlong or cut-short sequences are refused)";
    }
}
