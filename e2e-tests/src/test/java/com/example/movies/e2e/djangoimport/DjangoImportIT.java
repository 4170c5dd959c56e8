package com.example.movies.e2e.djangoimport;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.stack.Stack.CommandResult;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A team brings the original Django app's database over: {@code import-django} runs
 * against the stack's database as its deployment runs it (the jar, or the image as a
 * one-off container), then the original's users sign in through the API with their old
 * passwords, and the original's movie URLs answer.
 */
@EndToEnd
class DjangoImportIT {

    /** Made by the original's own migrations (movies-api/src/test/resources/django). */
    private static final Path ORIGINAL = Path.of("../movies-api/src/test/resources/django/original.sqlite3");

    /** Its id, as the original's API wrote it (SQLite keeps the 32 hex digits). */
    private static final String SHAWSHANK = "61978994-7d53-4d6a-9a88-270e688df5a0";

    private final Stack stack;

    private final Api api;

    DjangoImportIT(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    @Test
    void theOriginalsUsersSignInWithTheirOldPasswordsAfterTheImport() throws Exception {
        assertTrue(Files.isRegularFile(ORIGINAL), "no fixture at " + ORIGINAL.toAbsolutePath());
        Optional<CommandResult> run = stack.importDjango(ORIGINAL);
        assumeTrue(run.isPresent(), () -> "NOT TESTED HERE: the " + stack.name() + " stack's database is written "
                + "only by its own deployment (infra/README.md: the import as a one-off ECS task); the processes "
                + "and containers stacks run this step");
        try {
            assertEquals(0, run.get().exitStatus(), run.get().output());
            assertTrue(run.get().output().contains("Movies: imported 4"), run.get().output());

            api.tokens(new Stack.Credentials("alice", "Alice-Pass-2022"));
            api.tokens(new Stack.Credentials("carol", "Carol-Pass-2023"));
            api.anonymous()
                .get("/api/v1/movie/{id}", SHAWSHANK)
                .then()
                .statusCode(200)
                .body("slug", equalTo("the-shawshank-redemption"), "created_by", equalTo(null));

            CommandResult again = stack.importDjango(ORIGINAL).orElseThrow();
            assertEquals(0, again.exitStatus(), again.output());
            assertTrue(again.output().contains("Movies: imported 0"), again.output());
        }
        finally {
            for (String id : List.of(SHAWSHANK, "e3d7d75f-1692-4350-8db1-2ba249aaa215",
                    "7b1fe4d8-f750-4f62-9db8-37be482ebc42", "2baf8c28-b190-4cde-9e2c-e0e56e9a145a")) {
                api.asAdmin().delete("/api/v1/movie/{id}", id);
            }
            api.deleteUsersNamed("alice", "bob", "carol", "dave", "erin", "frank");
        }
    }

}
