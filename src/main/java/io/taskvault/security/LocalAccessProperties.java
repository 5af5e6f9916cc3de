package io.taskvault.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code taskvault.security.local-hosts}: more names by which this machine is addressed (besides {@code localhost},
 * {@code 127.0.0.1} and {@code [::1]}) that still count as local for the login-free local user, e.g. a name in
 * /etc/hosts. Only names that no one else can point at this machine belong here.
 */
@ConfigurationProperties("taskvault.security")
public record LocalAccessProperties(List<String> localHosts) {

    public LocalAccessProperties {
        localHosts = localHosts == null ? List.of() : List.copyOf(localHosts);
    }
}
