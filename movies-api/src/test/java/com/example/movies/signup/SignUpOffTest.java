package com.example.movies.signup;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.example.movies.ui.Ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With sign-up off (the default when deployed) its three endpoints are not found, touch
 * nothing, and the OpenAPI document leaves them out (so the gateway gets no routes for
 * them).
 */
@WebMvcTest(controllers = SignUpController.class, properties = "movies.sign-up.enabled=false")
@AutoConfigureMockMvc(addFilters = false)
@Import(Ui.class)
@EnableConfigurationProperties(SignUpProperties.class)
class SignUpOffTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SignUpService users;

    @Test
    void theEndpointsAreNotFound() throws Exception {
        for (String path : new String[] { "", "/verify-email", "/resend-email" }) {
            this.mvc
                .perform(post("/api/v1/users/auth/registration" + path).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"u\",\"email\":\"u@example.com\",\"password1\":\"Xk92!mqLz\","
                            + "\"password2\":\"Xk92!mqLz\",\"key\":\"k\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"detail\":\"Not found.\"}", true));
            // The UI's probe: an empty sign-up is a 400 only while sign-up is on.
            this.mvc
                .perform(post("/api/v1/users/auth/registration" + path).contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
                .andExpect(status().isNotFound());
            this.mvc.perform(post("/api/v1/users/auth/registration" + path)).andExpect(status().isNotFound());
        }
        verifyNoInteractions(this.users);
    }

    @Test
    void theDocumentLeavesThemOutOnlyWhileOff() {
        assertThat(documentWith(false).getPaths()).containsOnlyKeys("/api/v1/movie");
        assertThat(documentWith(true).getPaths()).containsOnlyKeys("/api/v1/movie", "/api/v1/users/auth/registration");
    }

    private static OpenAPI documentWith(boolean signUp) {
        Operation register = new Operation();
        register.addExtension(SignUpController.FEATURE, SignUpController.SIGN_UP);
        OpenAPI openApi = new OpenAPI()
            .paths(new Paths().addPathItem("/api/v1/movie", new PathItem().get(new Operation()))
                .addPathItem("/api/v1/users/auth/registration", new PathItem().post(register)));
        SignUpController.signUpOperations(new SignUpProperties(signUp)).customise(openApi);
        return openApi;
    }

}
