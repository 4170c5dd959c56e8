package com.example.movies;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port over real HTTP, on real PostgreSQL
 * ({@link PostgresTestDatabase}), in the local profile (admin/admin and the demo movies),
 * with {@link Api} and {@link TestUsers} to inject ({@link ApiTestFixtures}). Every class
 * with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ PostgresTestDatabase.class, ApiTestFixtures.class })
public @interface PostgresIntegrationTest {

}
