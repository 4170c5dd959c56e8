package com.example.movies;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local default as a newcomer runs it: no profile, no datasource settings, so
 * embedded H2 with the Flyway migrations, admin/admin and the five demo movies; here with
 * a UI bundled (a test index.html), so {@code /} and client-side routes serve the UI
 * while API paths keep their JSON 404s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "movies.ui.location=classpath:/test-ui/")
class EmbeddedDefaultTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnMigratedEmbeddedH2() throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
        }
        assertThat(
                this.jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"")
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
    }

    @Test
    void smokeJourneyWithDemoData() {
        Api api = new Api(this.port);
        Reply list = api.get("/api/v1/movie");
        List<String> titles = new ArrayList<>();
        list.json().forEach((movie) -> titles.add(movie.get("title").asString() + " " + movie.get("year").asInt()));
        assertThat(titles.subList(0, 5)).containsExactly("Good Will Hunting 1997", "The Prestige 2006",
                "The Departed 2006", "Inception 2010", "Parasite 2019");

        String token = api.accessToken("admin", "admin");
        Reply created = api.json("POST", "/api/v1/movie", token, Map.of("title", "The Prestige!", "year", 2006));
        assertThat(created.status()).isEqualTo(201);
        JsonNode movie = created.json();
        assertThat(movie.get("slug").asString()).isEqualTo("the-prestige-2");
        assertThat(movie.get("created").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        String path = "/api/v1/movie/" + movie.get("id").asString();
        assertThat(api.json("PATCH", path, token, Map.of("description", "Two rival magicians"))
            .json()
            .get("description")
            .asString()).isEqualTo("Two rival magicians");
        assertThat(api.get("/api/v1/movie?search=prestige&year=2006").json().size()).isEqualTo(2);
        assertThat(api.send("DELETE", path, token, null, null).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users", token).json().get(0).get("is_staff").asBoolean()).isTrue();
    }

    @Test
    void servesTheUiAndItsClientRoutes() {
        Api api = new Api(this.port);
        for (String path : new String[] { "/", "/login", "/dashboard", "/movies/some-slug" }) {
            Reply page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<div id=\"root\">");
        }
        Reply asset = api.get("/assets/app.js");
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.body()).contains("movies ui");
        for (String path : new String[] { "/assets/missing.js", "/api/v1/nothing", "/actuator/nothing", "/ht" }) {
            Reply missing = api.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).isEqualTo("{\"detail\":\"Not found.\"}");
        }
        assertThat(api.get("/api/v1/movie").status()).isEqualTo(200);
    }

}
