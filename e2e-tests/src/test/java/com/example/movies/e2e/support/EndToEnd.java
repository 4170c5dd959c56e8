package com.example.movies.e2e.support;

import com.example.movies.e2e.stack.StackExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An e2e test class: its constructor or methods receive the run's
 * {@link com.example.movies.e2e.stack.Stack}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackExtension.class)
public @interface EndToEnd {

}
