package com.example.movies.movie;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Movies belong to whoever created them: only the creator or staff change or delete one,
 * movies without a creator are staff's; and the list's ordering and creator filters. On
 * real PostgreSQL over HTTP.
 */
@PostgresIntegrationTest
class MovieOwnershipApiTest {

    static final String FORBIDDEN = "{\"detail\":\"You do not have permission to perform this action.\"}";

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    String owner;

    String ownerToken;

    String otherToken;

    String staffToken;

    @BeforeEach
    void signIn() {
        this.owner = this.users.create(false);
        this.ownerToken = this.api.accessToken(this.owner, TestUsers.PASSWORD);
        this.otherToken = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
        this.staffToken = this.api.accessToken(this.users.create(true), TestUsers.PASSWORD);
    }

    JsonNode create(String token, String title, int year) {
        Reply reply = this.api.json("POST", "/api/v1/movie", token, Map.of("title", title, "year", year));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void onlyTheCreatorOrStaffChangeOrDeleteAMovie() {
        JsonNode movie = create(this.ownerToken, "Owned " + UUID.randomUUID(), 2001);
        assertThat(movie.get("created_by").asString()).isEqualTo(this.owner);
        String path = "/api/v1/movie/" + movie.get("id").asString();
        String before = this.api.get(path).body();

        for (String[] call : new String[][] { { "PUT", "{\"title\":\"Taken\",\"year\":1}" },
                { "PATCH", "{\"title\":\"Taken\"}" }, { "DELETE", null } }) {
            Reply refused = this.api.send(call[0], path, this.otherToken, "application/json", call[1]);
            assertThat(refused.status()).as(call[0]).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(FORBIDDEN);
        }
        assertThat(this.api.get(path).body()).as("unchanged").isEqualTo(before);

        Reply byOwner = this.api.json("PATCH", path, this.ownerToken, Map.of("title", "Renamed by owner"));
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(byOwner.json().get("modified_by").asString()).isEqualTo(this.owner);
        Reply byStaff = this.api.json("PATCH", path, this.staffToken, Map.of("year", 2002));
        assertThat(byStaff.status()).isEqualTo(200);
        assertThat(byStaff.json().get("created_by").asString()).isEqualTo(this.owner);
        assertThat(byStaff.json().get("modified_by").asString()).isNotEqualTo(this.owner);
        assertThat(this.api.send("DELETE", path, this.staffToken, null, null).status()).isEqualTo(204);
        assertThat(this.api.send("DELETE", path, this.ownerToken, null, null).status()).isEqualTo(404);
    }

    @Test
    void aMovieWithoutCreatorIsStaffsToChange() {
        JsonNode movie = create(this.staffToken, "Orphan " + UUID.randomUUID(), 1999);
        String id = movie.get("id").asString();
        this.jdbc.sql("UPDATE movie SET created_by = NULL, modified_by = NULL WHERE id = :id")
            .param("id", UUID.fromString(id))
            .update();
        this.jdbc.sql("UPDATE movie_version SET version = version + 1 WHERE id = 0").update();
        String path = "/api/v1/movie/" + id;
        assertThat(this.api.get(path).json().get("created_by").isNull()).isTrue();
        assertThat(this.api.json("PATCH", path, this.ownerToken, Map.of("year", 1)).status()).isEqualTo(403);
        assertThat(this.api.json("PATCH", path, this.staffToken, Map.of("year", 1)).status()).isEqualTo(200);
    }

    @Test
    void aMovieIsFoundByItsIdInEitherCaseAndAnsweredLowercase() {
        String id = create(this.ownerToken, "Case " + UUID.randomUUID(), 2003).get("id").asString();
        Reply upper = this.api.get("/api/v1/movie/" + id.toUpperCase(Locale.ROOT));
        assertThat(upper.status()).isEqualTo(200);
        assertThat(upper.json().get("id").asString()).isEqualTo(id);
        assertThat(this.api
            .json("PATCH", "/api/v1/movie/" + id.toUpperCase(Locale.ROOT), this.ownerToken, Map.of("year", 2004))
            .status()).isEqualTo(200);
    }

    @Test
    void theListIsOrderedAsAskedAndTiesGoByCreation() {
        String tag = "order" + UUID.randomUUID().toString().substring(0, 8);
        create(this.ownerToken, tag + " b", 2000);
        create(this.ownerToken, tag + " a", 2010);
        create(this.ownerToken, tag + " c", 2000);
        assertThat(titles("?search=" + tag)).containsExactly(tag + " b", tag + " c", tag + " a");
        assertThat(titles("?search=" + tag + "&ordering=title")).containsExactly(tag + " a", tag + " b", tag + " c");
        assertThat(titles("?search=" + tag + "&ordering=-year,-title")).containsExactly(tag + " a", tag + " c",
                tag + " b");
        assertThat(titles("?search=" + tag + "&ordering=-created")).containsExactly(tag + " c", tag + " a", tag + " b");
        assertThat(titles("?search=" + tag + "&ordering=year,modified&limit=1&offset=1")).containsExactly(tag + " c");
    }

    @Test
    void anUnknownOrderingFieldIsA400() {
        for (String ordering : new String[] { "rating", "-slug", "title,,year", "id" }) {
            Reply reply = this.api.get("/api/v1/movie?ordering=" + ordering);
            assertThat(reply.status()).as(ordering).isEqualTo(400);
            assertThat(reply.json().get("ordering").get(0).asString()).startsWith("Unknown ordering field");
        }
    }

    @Test
    void theListFiltersByCreatorAndByTheSignedInUser() {
        String tag = "mine" + UUID.randomUUID().toString().substring(0, 8);
        create(this.ownerToken, tag + " own", 2000);
        create(this.otherToken, tag + " other", 2000);
        assertThat(titles("?search=" + tag + "&created_by=" + this.owner)).containsExactly(tag + " own");
        Reply mine = this.api.get("/api/v1/movie?search=" + tag + "&mine=true", this.otherToken);
        assertThat(mine.json().get(0).get("title").asString()).isEqualTo(tag + " other");
        assertThat(mine.header("X-Total-Count")).hasValue("1");
        assertThat(titles("?search=" + tag + "&mine=false")).hasSize(2);
        assertThat(this.api.get("/api/v1/movie?mine=true").status()).as("anonymous").isEqualTo(401);
        assertThat(this.api.get("/api/v1/movie?mine=maybe").body())
            .isEqualTo("{\"mine\":[\"Must be a valid boolean.\"]}");
        assertThat(titles("?created_by=nobody-" + tag)).isEmpty();
    }

    @Test
    void aRenamedCreatorShowsUnderTheNewNameAtOnce() {
        String id = create(this.ownerToken, "Renamed creator " + UUID.randomUUID(), 2005).get("id").asString();
        assertThat(this.api.get("/api/v1/movie").body()).contains(id);
        String renamed = this.owner + "-new";
        assertThat(this.api.json("PATCH", "/api/v1/users/auth/user", this.ownerToken, Map.of("username", renamed))
            .status()).isEqualTo(200);
        assertThat(this.api.get("/api/v1/movie/" + id).json().get("created_by").asString()).isEqualTo(renamed);
        for (JsonNode movie : this.api.get("/api/v1/movie").json()) {
            if (movie.get("id").asString().equals(id)) {
                assertThat(movie.get("created_by").asString()).as("the cached list").isEqualTo(renamed);
            }
        }
    }

    List<String> titles(String query) {
        Reply reply = this.api.get("/api/v1/movie" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        reply.json().forEach((movie) -> titles.add(movie.get("title").asString()));
        return titles;
    }

}
