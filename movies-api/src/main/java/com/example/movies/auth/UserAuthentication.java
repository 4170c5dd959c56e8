package com.example.movies.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.example.movies.user.User;

/**
 * A request authenticated by an access token of an active user; the principal is the
 * {@link User}.
 */
class UserAuthentication extends AbstractAuthenticationToken {

    static final String STAFF = "ROLE_STAFF";

    private final User user;

    UserAuthentication(User user) {
        super(user.staff() ? List.of(new SimpleGrantedAuthority(STAFF)) : List.of());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public User getPrincipal() {
        return this.user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

}
