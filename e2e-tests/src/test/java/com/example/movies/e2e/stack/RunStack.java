package com.example.movies.e2e.stack;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the configured stack (same settings as the suite) and keeps it running until the
 * process is stopped, printing its URLs and admin credentials as the deployed stack's
 * environment variables: so the suite can be run with {@code E2E_STACK=deployed} against
 * it, or the system tried by hand. See the module's README.
 */
public final class RunStack {

    private RunStack() {
    }

    public static void main(String[] args) throws Exception {
        Stack stack = StackSelection.select();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        try {
            stack.start();
        }
        catch (Exception e) {
            stack.close();
            throw e;
        }
        System.out.printf("""
                %s stack running; stop it with Ctrl-C or kill %d
                E2E_API_URL=%s
                E2E_FRONTEND_URL=%s
                E2E_ADMIN_USERNAME=%s
                E2E_ADMIN_PASSWORD=%s
                """, stack.name(), ProcessHandle.current().pid(), stack.apiUrl(), stack.frontendUrl(),
                stack.admin().username(), stack.admin().password());
        stopped.await();
    }

}
