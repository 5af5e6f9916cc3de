package io.taskvault.task.web;

import io.taskvault.security.Actors;

/** Who acts from the dashboard: the signed-in person's name in history, or "dashboard" for the login-free local user. */
final class DashboardActor {

    static final String LOCAL = "dashboard";

    private DashboardActor() {
    }

    static String current() {
        return Actors.authenticated().orElse(LOCAL);
    }
}
