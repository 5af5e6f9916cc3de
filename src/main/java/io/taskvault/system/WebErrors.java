package io.taskvault.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;

/**
 * Maps exceptions for the dashboard's pages, once (REST controllers have ApiProblems, ordered first): an htmx request gets a one-line message swapped into the page's
 * flash area (the page stays as it was); a plain request gets the friendly error page.
 */
@ControllerAdvice(basePackages = "io.taskvault")
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrors {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebErrors.class);
    static final String PAGE = "error";
    static final String FLASH = "fragments/problem :: flash";

    /** Every refusal the product words itself, by its kind; a stale version reads as a conflict with advice. */
    @ExceptionHandler(TaskvaultException.class)
    String refused(TaskvaultException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        return switch (e.kind()) {
            case INVALID -> show(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), hx, htmx, response, model);
            case CONFLICT -> show(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), hx, htmx, response, model);
            case PRECONDITION_FAILED -> show(HttpStatus.CONFLICT, "Not possible now",
                    e.getMessage() + " Someone changed the task meanwhile: reload it and try again.", hx, htmx, response,
                    model);
            default -> show(ApiProblems.status(e.kind()), e.title(), e.getMessage(), hx, htmx, response, model);
        };
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class})
    String badParameter(MethodArgumentTypeMismatchException e, HtmxRequest hx, HtmxResponse htmx,
                        HttpServletResponse response, Model model) {
        String detail = "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'";
        return show(HttpStatus.BAD_REQUEST, "Invalid input", detail, hx, htmx, response, model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missingParameter(MissingServletRequestParameterException e, HtmxRequest hx, HtmxResponse htmx,
                            HttpServletResponse response, Model model) {
        return show(HttpStatus.BAD_REQUEST, "Invalid input", "'" + e.getParameterName() + "' is required", hx, htmx,
                response, model);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String denied(RuntimeException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        return show(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), hx, htmx, response, model);
    }

    /** Anything else is our fault: logged with its stack, shown as one calm line rather than a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        LOG.error("Dashboard request failed", e);
        return show(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The dashboard could not do that (" + e.getClass().getSimpleName() + "); the server log has the details.",
                hx, htmx, response, model);
    }

    private static String show(HttpStatus status, String title, String detail, HtmxRequest hx, HtmxResponse htmx,
                               HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("error", title);
        model.addAttribute("message", detail);
        if (hx.isHtmxRequest() && !hx.isHistoryRestoreRequest()) {
            //why: the message goes to the flash area, whatever the request meant to replace
            htmx.setRetarget("#flash");
            htmx.setReswap(HtmxReswap.innerHtml());
            return FLASH;
        }
        return PAGE;
    }
}
