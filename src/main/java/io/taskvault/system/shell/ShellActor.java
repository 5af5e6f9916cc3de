package io.taskvault.system.shell;

/** Who is at the shell: the operating-system user, recorded as the actor of every change made from it. */
public final class ShellActor {

    private ShellActor() {
    }

    public static String name() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "shell" : user;
    }

    static String host() {
        return Host.NAME;
    }

    //why: looked up once per process, on first use: the lookup may ask the resolver, and every session record needs it
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                String env = System.getenv("HOSTNAME");
                return env == null ? "unknown" : env;
            }
        }
    }
}
