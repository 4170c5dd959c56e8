package com.example.movies.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard as a person uses it in Chromium, against the real built UI and the real
 * API: every element is found by the text a user reads (its label or its name), never by
 * an id or a CSS class.
 */
@EndToEnd
class DashboardJourneyIT {

    private final Stack stack;

    private final Api api;

    private final String title = Api.uniqueTitle("Inception");

    private final String refusedTitle = Api.uniqueTitle("Refused");

    private Browser browser;

    DashboardJourneyIT(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start(stack);
    }

    @AfterEach
    void closeBrowserAndDeleteMovies(TestInfo test) {
        try {
            if (browser != null) {
                browser.screenshot(test.getTestMethod().orElseThrow().getName() + "-end");
                browser.close();
            }
        }
        finally {
            // The browser created them, so whatever step failed, find them by their
            // unique titles.
            for (String created : List.of(title, title.toUpperCase(Locale.ROOT), refusedTitle)) {
                moviesTitled(created).forEach(id -> api.asAdmin().delete("/api/v1/movie/{id}", id));
            }
            api.deleteCreatedMovies();
        }
    }

    @Test
    void aPersonLogsInAddsChangesAndDeletesAMovieAndLogsOut() {
        Page page = new Page(browser);

        page.open(stack.frontendUrl().resolve("/dashboard"));
        page.awaitPath("/login");

        page.field("Username").sendKeys(stack.admin().username());
        page.field("Password").sendKeys(stack.admin().password());
        page.button("Login").click();
        page.awaitPath("/dashboard");
        page.awaitText("My favorite movies");
        page.awaitNavigationShows(stack.admin().username());

        // The user's name in the navigation opens their account: profile and password.
        browser.driver.findElement(By.linkText(stack.admin().username())).click();
        page.awaitPath("/account");
        page.awaitText("Your account");
        page.form("Profile");
        page.form("Password");
        browser.screenshot("account");
        browser.driver.navigate().back();
        page.awaitPath("/dashboard");

        WebElement addForm = page.form("Add new movie");
        page.field(addForm, "Title").sendKeys(title);
        page.field(addForm, "Year").sendKeys("2010");
        page.field(addForm, "Storyline").sendKeys("A thief who steals corporate secrets through dreams.");
        page.button(addForm, "Add movie").click();
        // The list is paged: the search box finds the new movie whatever else the system
        // holds.
        page.field("Search").sendKeys(title);
        WebElement movie = page.movie(title);
        assertEquals(1, moviesTitled(title).size(), "the API stored the movie once");
        assertTrue(movie.getText().contains("2010"), movie.getText());

        addForm = page.form("Add new movie");
        page.field(addForm, "Title").sendKeys(refusedTitle);
        page.field(addForm, "Year").sendKeys("abc");
        page.button(addForm, "Add movie").click();
        page.awaitFieldError(addForm, "Year", "A valid integer is required.");
        assertEquals(List.of(), moviesTitled(refusedTitle), "a refused movie is not stored");

        page.button(page.movie(title), "Upper case").click();
        String upper = title.toUpperCase(Locale.ROOT);
        page.movie(upper);
        browser.screenshot("dashboard-journey");
        // The search is case-insensitive and kept in the address: a reload shows the same
        // list.
        browser.driver.navigate().refresh();
        page.movie(upper);

        page.button(page.movie(upper), "Delete").click();
        page.confirm();
        page.awaitGone(upper);
        assertEquals(List.of(), moviesTitled(upper), "the deleted movie is gone from the API too");

        page.button("Logout").click();
        page.awaitNoButton("Logout");
        page.open(stack.frontendUrl().resolve("/dashboard"));
        page.awaitPath("/login");

        List<String> errors = browser.consoleErrors()
            .stream()
            .filter(message -> !message.contains("status of 400")) // the refused movie,
                                                                   // on purpose
            .toList();
        assertEquals(List.of(), errors, "console errors");
    }

    @Test
    void theCatalogueIsSearchedPagedAndSortedAndOpensAMoviesPage() {
        String tag = Api.uniqueTitle("Catalogue");
        for (int i = 1; i <= 12; i++) {
            api.createMovie(java.util.Map.of("title", tag + " " + String.format("%02d", i), "year", 2000 + i));
        }
        Page page = new Page(browser);
        page.logIn(stack);

        page.field("Search").sendKeys(tag);
        // The search is applied once typing pauses, and kept in the address.
        browser.wait.until(ExpectedConditions.urlContains("q=Catalogue"));
        page.awaitText("1–10 of 12");
        assertEquals(tag + " 01", page.firstMovieTitle());
        page.button("Next").click();
        page.awaitText("11–12 of 12");
        assertEquals(tag + " 11", page.firstMovieTitle());

        page.select("Sort by", "Year, newest first");
        page.awaitText("1–10 of 12");
        assertEquals(tag + " 12", page.firstMovieTitle());
        browser.screenshot("catalogue-sorted");

        browser.driver.findElement(By.linkText(tag + " 12")).click();
        page.awaitText(tag + " 12");
        assertTrue(browser.driver.getCurrentUrl().contains("/movies/"), browser.driver.getCurrentUrl());
        browser.wait.until(ExpectedConditions
            .visibilityOfElementLocated(By.xpath("//h1[normalize-space(.)=" + Page.literal(tag + " 12") + "]")));
        browser.screenshot("movie-page");
        browser.driver.navigate().back();
        page.awaitText("1–10 of 12");

        page.open(stack.frontendUrl().resolve("/no/such/page"));
        page.awaitText("Page not found");
        browser.screenshot("not-found");
    }

    @Test
    void staffCreateDeactivateAndDeleteAUserOnTheUsersPage() {
        String username = "journey-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try {
            Page page = new Page(browser);
            page.logIn(stack);
            browser.driver.findElement(By.linkText("Users")).click();
            page.awaitPath("/users");

            WebElement form = page.form("Create user");
            page.field(form, "Username").sendKeys(username);
            page.field(form, "E-mail").sendKeys(username + "@example.com");
            page.button(form, "Create user").click();
            page.awaitText(username + " was created and mailed a link to set a password.");

            page.field("Search").sendKeys(username);
            // Acts once the search has narrowed the table to the new user, not on the
            // list shown before it.
            page.awaitText("1–1 of 1");
            WebElement row = page.row(username);
            page.button(row, "Deactivate").click();
            browser.wait.until(d -> page.row(username).getText().contains("Inactive"));
            browser.screenshot("users");
            page.button(page.row(username), "Delete").click();
            WebElement dialog = browser.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[@role='alertdialog']")));
            assertEquals("Delete user?", dialog.getAccessibleName());
            page.button(dialog, "Yes, delete").click();
            page.awaitText("No users match.");
            api.asAdmin()
                .queryParam("search", username)
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0");
        }
        finally {
            api.deleteUsersNamed(username);
        }
    }

    @Test
    void aForgottenPasswordIsAskedForAndAStaleLinkIsExplained() {
        Page page = new Page(browser);
        page.open(stack.frontendUrl().resolve("/login"));
        browser.driver.findElement(By.linkText("Forgot your password?")).click();
        page.awaitPath("/password/forgot");
        WebElement form = page.form("Forgot password");
        page.field(form, "E-mail").sendKeys("nobody-e2e@example.com");
        page.button(form, "Mail me a link").click();
        page.awaitText("Check your mail: if an account has the address nobody-e2e@example.com, a link to set a new "
                + "password is on its way.");
        browser.screenshot("forgot-password");

        page.open(stack.frontendUrl().resolve("/password/reset/MQ/1-stale"));
        form = page.form("Set a new password");
        page.field(form, "New password").sendKeys("Xk92!mqLz-e2e");
        page.field(form, "New password again").sendKeys("Xk92!mqLz-e2e");
        page.button(form, "Set password").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//*[@role='alert']"),
                "This link is not valid any more"));
        browser.screenshot("reset-password-stale");
    }

    @Test
    void aNewcomerSignsUpAndActivatesTheAccountFromTheMailsLink() {
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.inbox().isPresent(),
                () -> "NOT TESTED HERE: the " + stack.name() + " stack's mail goes out through SES and cannot be read "
                        + "here; the local stacks run this journey");
        String username = "signup-e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        String password = "E2e-Sign-" + java.util.UUID.randomUUID();
        Page page = new Page(browser);
        try {
            page.open(stack.frontendUrl().resolve("/login"));
            browser.driver.findElement(By.linkText("Sign up")).click();
            page.awaitPath("/sign-up");
            WebElement form = page.form("Sign up");
            page.field(form, "Username").sendKeys(username);
            page.field(form, "E-mail").sendKeys(email);
            page.field(form, "Password").sendKeys(password);
            page.field(form, "Password again").sendKeys(password + "-typo");
            page.button(form, "Sign up").click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//*[@role='alert']"),
                    "The two password fields didn\u2019t match."));
            browser.screenshot("sign-up-refused");
            page.field(form, "Password again").clear();
            page.field(form, "Password again").sendKeys(password);
            page.button(form, "Sign up").click();
            page.awaitText("Check your mail");
            browser.screenshot("sign-up-check-your-mail");

            String link = stack.inbox()
                .orElseThrow()
                .awaitMatch(email, java.util.regex.Pattern.compile("Activate it at (\\S+)"),
                        java.time.Duration.ofSeconds(30));
            page.open(java.net.URI.create(link));
            page.button(page.form("Activate your account"), "Activate my account").click();
            page.awaitText("Your account is active.");
            browser.screenshot("sign-up-activated");
            browser.driver.findElement(By.linkText("Log in")).click();
            page.awaitPath("/login");
            page.field("Username").sendKeys(username);
            page.field("Password").sendKeys(password);
            page.button("Login").click();
            page.awaitPath("/dashboard");
            page.awaitNavigationShows(username);
        }
        finally {
            api.deleteUsersNamed(username);
        }
    }

    private List<String> moviesTitled(String title) {
        return api.anonymous()
            .get("/api/v1/movie")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.title == '" + title + "' }.id", String.class);
    }

    /**
     * What a user sees and does on the page, found by visible text and accessible names.
     */
    private record Page(Browser browser) {

        void open(java.net.URI url) {
            browser.driver.get(url.toString());
        }

        void awaitPath(String path) {
            await(() -> "expected path " + path + ", at " + browser.driver.getCurrentUrl(),
                    driver -> java.net.URI.create(driver.getCurrentUrl()).getPath().equals(path));
        }

        /**
         * Waits with a message of its own: the shared wait keeps a message once given,
         * which would then describe every later timeout.
         */
        void await(java.util.function.Supplier<String> message,
                java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
            try {
                browser.wait.withMessage(message).until(condition);
            }
            finally {
                browser.wait.withMessage(() -> "");
            }
        }

        void awaitText(String text) {
            browser.wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.xpath("//*[normalize-space(text())=" + literal(text) + "]")));
        }

        void awaitNavigationShows(String text) {
            browser.wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.xpath("//nav[contains(normalize-space(.), " + literal(text) + ")]")));
        }

        void awaitGone(String text) {
            browser.wait.until(ExpectedConditions
                .invisibilityOfElementLocated(By.xpath("//*[normalize-space(text())=" + literal(text) + "]")));
        }

        /** The form with this accessible name. */
        WebElement form(String name) {
            return browser.wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.xpath("//form[@aria-label=" + literal(name) + "]")));
        }

        /** The movie's article, which its title names. */
        WebElement movie(String title) {
            WebElement article = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//article[@aria-labelledby=//*[normalize-space(.)=" + literal(title) + "]/@id]")));
            assertEquals(title, article.getAccessibleName());
            return article;
        }

        /**
         * The message shows under the field and is announced with it (the field's
         * description).
         */
        void awaitFieldError(WebElement scope, String label, String message) {
            await(() -> "no error '" + message + "' under " + label, driver -> {
                WebElement input = field(scope, label);
                String describedBy = input.getAttribute("aria-describedby");
                return "true".equals(input.getAttribute("aria-invalid")) && describedBy != null
                        && driver.findElement(By.id(describedBy)).getText().contains(message);
            });
        }

        void awaitNoButton(String name) {
            browser.wait.until(ExpectedConditions
                .invisibilityOfElementLocated(By.xpath("//button[normalize-space(.)=" + literal(name) + "]")));
        }

        WebElement field(String label) {
            return field(browser.driver.findElement(By.tagName("body")), label);
        }

        /**
         * The input whose label reads {@code label}, checked to be bound to it (its
         * accessible name).
         */
        WebElement field(WebElement scope, String label) {
            WebElement labelElement = browser.wait
                .until(d -> scope.findElement(By.xpath(".//label[normalize-space(.)=" + literal(label) + "]")));
            String target = labelElement.getAttribute("for");
            WebElement input = target != null && !target.isEmpty() ? browser.driver.findElement(By.id(target))
                    : labelElement.findElement(By.xpath(".//input|.//textarea"));
            assertEquals(label, input.getAccessibleName(), "the label is bound to its input");
            return input;
        }

        /**
         * Logs in as the stack's admin from the login page, and lands on the dashboard.
         */
        void logIn(Stack stack) {
            open(stack.frontendUrl().resolve("/login"));
            field("Username").sendKeys(stack.admin().username());
            field("Password").sendKeys(stack.admin().password());
            button("Login").click();
            awaitPath("/dashboard");
        }

        /** The table row a user's username heads. */
        WebElement row(String username) {
            return browser.wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.xpath("//tr[@aria-label=" + literal(username) + "]")));
        }

        /** The title of the first movie the list shows. */
        String firstMovieTitle() {
            return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("(//article//a)[1]")))
                .getText();
        }

        /** Chooses an option, by its text, of the menu with this label. */
        void select(String label, String option) {
            WebElement menu = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//label[normalize-space(text())=" + literal(label) + "]//select")));
            new org.openqa.selenium.support.ui.Select(menu).selectByVisibleText(option);
        }

        WebElement button(String name) {
            return button(browser.driver.findElement(By.tagName("body")), name);
        }

        WebElement button(WebElement scope, String name) {
            return browser.wait.until(d -> {
                WebElement button = scope.findElement(By
                    .xpath(".//button[normalize-space(.)=" + literal(name) + " or @aria-label=" + literal(name) + "]"));
                return button.isDisplayed() && button.isEnabled() ? button : null;
            });
        }

        /** Answers yes to the app's confirmation dialog that guards a delete. */
        void confirm() {
            WebElement dialog = browser.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[@role='alertdialog']")));
            assertEquals("Delete movie?", dialog.getAccessibleName());
            button(dialog, "Yes, delete").click();
        }

        private static String literal(String text) {
            return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
        }
    }

}
