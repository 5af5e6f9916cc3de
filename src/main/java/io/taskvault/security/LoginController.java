package io.taskvault.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page for people; programs use bearer tokens instead. */
@Controller
class LoginController {

    static final String PATH = "/login";

    @GetMapping(PATH)
    String login() {
        return "login";
    }
}
