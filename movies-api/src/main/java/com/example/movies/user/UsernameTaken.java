package com.example.movies.user;

import java.util.List;
import java.util.Map;

import com.example.movies.problem.InvalidFields;

/** Another account has the username: Django's unique username message. */
class UsernameTaken extends InvalidFields {

    UsernameTaken() {
        super(Map.of("username", List.of("A user with that username already exists.")));
    }

}
