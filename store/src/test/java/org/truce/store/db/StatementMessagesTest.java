package org.truce.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failing statement is named in the log by its SQL, never by the values bound to it. */
class StatementMessagesTest {

  @ParameterizedTest
  @MethodSource("org.truce.store.testing.TestDatabases#both")
  void theMessageNamesTheStatementAndNotTheBoundValues(DatabaseConfig config) {
    try (Database db = Database.open(config)) {
      Throwable failed = catchThrowable(() -> db.jdbi().useHandle(h -> h.createUpdate(
              "UPDATE no_such_table SET narrative = :n")
          .bind("n", "three shells hit the market at 08:30").execute()));
      assertThat(failed).isInstanceOf(StatementException.class);
      assertThat(failed.getMessage()).containsIgnoringCase("no_such_table").contains("bound values not shown")
          .doesNotContain("three shells");
    }
  }
}
