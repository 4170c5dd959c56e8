package com.example.movies.movie;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local default's five demo movies ({@code movies.demo-data}), added once to an empty
 * database. Decided when the application starts, not by a {@code @Conditional}: the
 * image's Spring AOT would fix that when the image is built.
 */
@Component
class DemoMovies implements ApplicationRunner {

    private final MovieRepository movies;

    private final MovieService service;

    private final boolean enabled;

    DemoMovies(MovieRepository movies, MovieService service, @Value("${movies.demo-data:false}") boolean enabled) {
        this.movies = movies;
        this.service = service;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!this.enabled || !this.movies.isEmpty()) {
            return;
        }
        add("Good Will Hunting", "A janitor at MIT turns out to be a mathematical genius.", 1997);
        add("The Prestige", "Two rival magicians.", 2006);
        add("The Departed", "An undercover cop and a mole in the police.", 2006);
        add("Inception", "A thief who steals secrets through dreams.", 2010);
        add("Parasite", "A poor family schemes its way into a rich household.", 2019);
    }

    private void add(String title, String description, int year) {
        this.service.create(new MovieRequest(title, description, year), null);
    }

}
