package com.example.movies.database;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.movies.PostgresIntegrationTest;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.error.DatabaseUnavailable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pool's bounds on real PostgreSQL: every session has the statement timeout, the
 * driver has its connect and socket timeouts, and a statement the server cancels becomes
 * the 503 of {@link DatabaseUnavailable}. The outage itself (database stopped, locked,
 * SIGTERM under load) is proven by the drills of the e2e-tests module.
 */
@PostgresIntegrationTest
class DatabaseBoundsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everySessionHasTheDefaultBounds() {
        assertThat(this.jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
        HikariDataSource pool = (HikariDataSource) this.dataSource;
        assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "2")
            .containsEntry("socketTimeout", "10");
        assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
    }

    @Test
    void aStatementCancelledByTheServerIsA503() {
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
                // Only this transaction's bound: SET LOCAL ends with it, so the pooled
                // session keeps 5s.
                this.jdbc.sql("SET LOCAL statement_timeout = 50").update();
                this.jdbc.sql("SELECT pg_sleep(2)").query().singleValue();
            }))
            .satisfies((ex) -> {
                assertThat(DatabaseUnavailable.isCause(ex)).as("%s", ex).isTrue();
                ApiException answer = DatabaseUnavailable.answer(ex);
                assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");
                assertThat(answer.body())
                    .isEqualTo(java.util.Map.of("detail", "Service temporarily unavailable, try again later."));
            });
        assertThat(this.jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
    }

    @Test
    void noConnectionForATransactionIsA503ButABadStatementIsNot() {
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms"))))
            .isTrue();
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> this.jdbc.sql("SELECT no_such_column FROM movie").query().listOfRows())
            .satisfies((ex) -> assertThat(DatabaseUnavailable.isCause(ex)).as("%s", ex).isFalse());
    }

    @Test
    void theSocketTimeoutMustExceedTheStatementTimeout() {
        assertThatIllegalArgumentException()
            .isThrownBy(
                    () -> new DatabaseProperties(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5)))
            .withMessageContaining("must exceed");
        assertThat(new DatabaseProperties(null, null, null).statementTimeout()).isZero();
    }

}
