package com.example.movies.djangoimport;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar movies-api.jar import-django --from=<db.sqlite3 | jdbc:postgresql://...>
 * [--dry-run]}: imports an original database into the database the app is configured for
 * (the usual {@code SPRING_DATASOURCE_*}, {@code DB_*} with the prod profile, or
 * {@code --spring.datasource.url=...}), creating its schema first where it is empty. Only
 * the database is started, not the web server. Exit status 0 when imported, 1 when the
 * input is refused (nothing written), 2 for a wrong command line.
 */
public final class DjangoImportCommand {

    public static final String NAME = "import-django";

    private static final String USAGE = "Usage: java -jar movies-api.jar import-django "
            + "--from=<path of db.sqlite3 | jdbc:postgresql://host/db> [--from-user=U --from-password=P] [--dry-run] "
            + "[--spring.datasource.url=... (the database to import into; else SPRING_DATASOURCE_URL or the prod "
            + "profile's DB_*)]";

    private DjangoImportCommand() {
    }

    /** The database side of the app, and nothing else. */
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            TransactionAutoConfiguration.class })
    static class Database {

    }

    /** Runs the command; the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String from = null;
        String fromUser = null;
        String fromPassword = null;
        boolean dryRun = false;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--from=")) {
                from = arg.substring("--from=".length());
            }
            else if (arg.startsWith("--from-user=")) {
                fromUser = arg.substring("--from-user=".length());
            }
            else if (arg.startsWith("--from-password=")) {
                fromPassword = arg.substring("--from-password=".length());
            }
            else if (arg.equals("--dry-run")) {
                dryRun = true;
            }
            else if (arg.startsWith("--spring.") || arg.startsWith("--movies.")) {
                springArgs.add(arg);
            }
            else {
                err.println("Unknown argument " + arg + "\n" + USAGE);
                return 2;
            }
        }
        if (from == null || from.isBlank()) {
            err.println("--from is missing\n" + USAGE);
            return 2;
        }
        if (dryRun) {
            // A dry run writes nothing: not even the schema of an empty database.
            springArgs.add("--spring.flyway.enabled=false");
        }
        out.println("import-django: reading " + from + (dryRun ? " (dry run)" : ""));
        try (DjangoDatabase source = DjangoDatabase.open(from, fromUser, fromPassword);
                ConfigurableApplicationContext context = target(springArgs)) {
            Environment environment = context.getEnvironment();
            String url = Optional.ofNullable(environment.getProperty("spring.datasource.url")).orElse("");
            if (url.isBlank() || url.startsWith("jdbc:h2:mem:")) {
                err.println("No database to import into: the local run's database lives in memory only. Set "
                        + "SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) or pass --spring.datasource.url=...");
                return 1;
            }
            out.println("import-django: into " + url);
            new DjangoImport(context.getBean(JdbcClient.class), context.getBean(TransactionTemplate.class), out)
                .run(source, dryRun);
            return 0;
        }
        catch (ImportException ex) {
            err.println("import-django: nothing imported: " + ex.getMessage());
            return 1;
        }
        catch (SQLException | RuntimeException ex) {
            err.println("import-django: nothing imported: " + rootMessage(ex));
            return 1;
        }
    }

    /**
     * The target database's context: a small one of its own, which the build's Spring AOT
     * did not process (that is the web application's), so it runs as plain Spring even in
     * the image, which turns AOT mode on ({@code -Dspring.aot.enabled=true}).
     */
    private static ConfigurableApplicationContext target(List<String> springArgs) {
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
        return new SpringApplicationBuilder(Database.class).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("spring.main.lazy-initialization=false", "logging.level.root=WARN")
            .run(springArgs.toArray(String[]::new));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return (cause == failure) ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + cause.getMessage() + ")";
    }

}
