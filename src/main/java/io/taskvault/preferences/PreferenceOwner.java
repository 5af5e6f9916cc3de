package io.taskvault.preferences;

import io.taskvault.security.Actors;

/**
 * Whose preferences a request reads and writes: the signed-in person or the token, else the person at this machine
 * (the login-free local user), known by the operating-system user taskvault runs as, the name the shell acts under,
 * so a view saved on the local dashboard opens in the shell and back.
 */
final class PreferenceOwner {

    private PreferenceOwner() {
    }

    static String current() {
        return Actors.authenticated().orElseGet(PreferenceOwner::local);
    }

    static String local() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "local" : user;
    }
}
