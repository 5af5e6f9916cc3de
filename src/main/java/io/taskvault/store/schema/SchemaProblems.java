package io.taskvault.store.schema;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for documents this code cannot read. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class SchemaProblems {

    @ExceptionHandler(SchemaTooNewException.class)
    ProblemDetail tooNew(SchemaTooNewException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Document written by a newer taskvault");
        problem.setProperty("collection", e.collection());
        problem.setProperty("documentId", String.valueOf(e.documentId()));
        problem.setProperty("found", e.found());
        problem.setProperty("newestKnown", e.newestKnown());
        return problem;
    }

    @ExceptionHandler(UnreadableDocumentException.class)
    ProblemDetail unreadable(UnreadableDocumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Stored document cannot be upgraded");
        return problem;
    }
}
