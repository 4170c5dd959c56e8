package com.example.movies.movie;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.example.movies.ui.Ui;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request reading and the error contract of the movie endpoints, in a Spring MVC slice
 * without a server or a database (security's filters are left out, and a signed-in user
 * may write: {@code SecurityConfig} is proven by the full-stack tests). Every refused
 * request leaves the service untouched.
 */
@WebMvcTest(MovieController.class)
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser
@Import(Ui.class)
class MovieControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MovieService movies;

    @Test
    void drfCoercesTheYearAndNamesEveryBadField() throws Exception {
        this.mvc
            .perform(post("/api/v1/movie").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"  \",\"year\":1999.5,\"description\":[1]}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().json(
                    "{\"title\":[\"This field may not be blank.\"],"
                            + "\"description\":[\"Not a valid string.\"],\"year\":[\"A valid integer is required.\"]}",
                    true));
        this.mvc
            .perform(post("/api/v1/movie").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("title=T&year=1998.0"))
            .andExpect(status().isCreated());
        verify(this.movies).create(new MovieRequest("T", null, 1998, Set.of("title", "year")), null);
    }

    @Test
    void malformedJsonIsDrfsParseErrorWithoutImplementationDetails() throws Exception {
        this.mvc.perform(post("/api/v1/movie").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(MediaType.APPLICATION_JSON))
            .andExpect(content().string(org.hamcrest.Matchers.startsWith("{\"detail\":\"JSON parse error - ")))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Source"))));
        this.mvc.perform(post("/api/v1/movie").contentType(MediaType.APPLICATION_JSON).content("[1]"))
            .andExpect(status().isBadRequest())
            .andExpect(content().json("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}",
                    true));
        verifyNoInteractions(this.movies);
    }

    @Test
    void unsupportedUnacceptableAndUnallowedAreTheContractsAnswers() throws Exception {
        this.mvc.perform(post("/api/v1/movie").contentType(MediaType.TEXT_PLAIN).content("x"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(content().json("{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}", true));
        this.mvc.perform(get("/api/v1/movie").accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotAcceptable())
            .andExpect(content().contentType(MediaType.APPLICATION_JSON))
            .andExpect(content().json("{\"detail\":\"Could not satisfy the request Accept header.\"}", true));
        this.mvc.perform(patch("/api/v1/movie"))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST")))
            .andExpect(content().json("{\"detail\":\"Method \\\"PATCH\\\" not allowed.\"}", true));
        this.mvc.perform(get("/api/v1/movie/not-a-uuid"))
            .andExpect(status().isNotFound())
            .andExpect(content().json("{\"detail\":\"Not found.\"}", true));
        verifyNoInteractions(this.movies);
    }

    @Test
    void listFiltersAreReadLikeDrfIntegerFields() throws Exception {
        this.mvc.perform(get("/api/v1/movie").param("year", "abc").param("limit", "-1"))
            .andExpect(status().isBadRequest())
            .andExpect(content().json("{\"year\":[\"A valid integer is required.\"],"
                    + "\"limit\":[\"Ensure this value is greater than or equal to 0.\"]}", true));
        verify(this.movies, org.mockito.Mockito.never()).list(any(), any(), any(),
                org.mockito.ArgumentMatchers.anyInt());
    }

}
