package org.truce.server.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.truce.core.validation.FieldError;

/**
 * What an import did, row by row counts and the first {@link #KEPT_PROBLEMS} problems (all are
 * also handed to the listener as they occur, so memory stays flat on a file full of bad rows).
 */
public final class ImportSummary {
  public static final int KEPT_PROBLEMS = 1000;

  /**
   * A row that was not imported. {@code row} counts records with the header as row 1, as a
   * spreadsheet numbers them; {@code line} is the physical line the record starts on.
   */
  public record RowProblem(long row, long line, String eventId, boolean duplicate, List<FieldError> errors) {
    public String describe() {
      StringBuilder sb = new StringBuilder("row ").append(row);
      if (line != row) {
        sb.append(" (line ").append(line).append(')');
      }
      if (eventId != null && !eventId.isEmpty()) {
        sb.append(' ').append(eventId);
      }
      if (duplicate) {
        return sb.append(": duplicate, already imported").toString();
      }
      sb.append(": ");
      for (int i = 0; i < errors.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(": ").append(errors.get(i).reason());
      }
      return sb.toString();
    }
  }

  private long rows;
  private long imported;
  private long duplicates;
  private long bad;
  private long actorsCreated;
  private final List<RowProblem> problems = new ArrayList<>();

  void rows(long n) {
    rows += n;
  }

  void imported(int n) {
    imported += n;
  }

  void actorsCreated(int n) {
    actorsCreated += n;
  }

  void problem(RowProblem p) {
    if (p.duplicate()) {
      duplicates++;
    } else {
      bad++;
    }
    if (problems.size() < KEPT_PROBLEMS) {
      problems.add(p);
    }
  }

  /** Data rows read (the header excluded). */
  public long rows() {
    return rows;
  }

  public long imported() {
    return imported;
  }

  public long duplicates() {
    return duplicates;
  }

  public long bad() {
    return bad;
  }

  public long actorsCreated() {
    return actorsCreated;
  }

  /** The first problems, in row order. */
  public List<RowProblem> problems() {
    return Collections.unmodifiableList(problems);
  }
}
