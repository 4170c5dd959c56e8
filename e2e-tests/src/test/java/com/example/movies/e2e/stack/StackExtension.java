package com.example.movies.e2e.stack;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link Stack} of this run, as a constructor or method parameter. The
 * stack is started once, on first use, and kept in the root store, so JUnit closes it
 * when the whole run ends, not per class. A stack that fails to start is not retried:
 * every later test fails at once with the same cause.
 */
public final class StackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Stack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
            .getStore(ExtensionContext.Namespace.create(StackExtension.class))
            .computeIfAbsent(RunningStack.class, type -> RunningStack.start(StackSelection.select()),
                    RunningStack.class)
            .stack();
    }

    /** The outcome of starting the run's stack; JUnit closes it at the end of the run. */
    private record RunningStack(Stack started, RuntimeException failure) implements AutoCloseable {

        static RunningStack start(Stack stack) {
            long begin = System.nanoTime();
            try {
                stack.start();
                System.out.printf("e2e: %s stack started in %d ms: api %s, frontend %s%n", stack.name(),
                        Duration.ofNanos(System.nanoTime() - begin).toMillis(), stack.apiUrl(), stack.frontendUrl());
                return new RunningStack(stack, null);
            }
            catch (Exception e) {
                stack.close();
                return new RunningStack(null, new IllegalStateException(
                        "The " + stack.name() + " stack did not start: " + e.getMessage(), e));
            }
        }

        Stack stack() {
            if (failure != null) {
                throw failure;
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }

}
