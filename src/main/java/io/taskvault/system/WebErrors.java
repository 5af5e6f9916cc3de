package io.taskvault.system;

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
import io.taskvault.store.StoreUnavailableException;
import io.taskvault.task.AmbiguousTaskReferenceException;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.VersionMismatchException;

/**
 * Maps domain exceptions for the dashboard, once: an htmx request gets a one-line message swapped into the page's
 * flash area (the page stays as it was); a plain request gets the friendly error page.
 */
@ControllerAdvice(basePackages = "io.taskvault.task.web")
class WebErrors {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebErrors.class);
    static final String PAGE = "error";
    static final String FLASH = "fragments/problem :: flash";

    @ExceptionHandler(TaskNotFoundException.class)
    String notFound(TaskNotFoundException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        return show(HttpStatus.NOT_FOUND, "Task not found", e.getMessage(), hx, htmx, response, model);
    }

    @ExceptionHandler({InvalidTaskException.class, AmbiguousTaskReferenceException.class})
    String invalid(RuntimeException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        return show(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), hx, htmx, response, model);
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

    @ExceptionHandler({IllegalTransitionException.class, ConcurrentTaskModificationException.class,
            VersionMismatchException.class})
    String conflict(RuntimeException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        String hint = e instanceof VersionMismatchException ? " Someone changed the task meanwhile: reload it and try again." : "";
        return show(HttpStatus.CONFLICT, "Not possible now", e.getMessage() + hint, hx, htmx, response, model);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String denied(RuntimeException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response, Model model) {
        return show(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), hx, htmx, response, model);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    String unavailable(StoreUnavailableException e, HtmxRequest hx, HtmxResponse htmx, HttpServletResponse response,
                       Model model) {
        return show(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", e.getMessage(), hx, htmx, response, model);
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
