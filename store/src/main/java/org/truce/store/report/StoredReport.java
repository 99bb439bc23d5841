package org.truce.store.report;

import java.util.UUID;
import org.truce.core.report.Report;

/**
 * A report as read back from the database: the record, the hash of its canonical content, and
 * the id of the report that corrects it (null while it is current).
 */
public record StoredReport(Report report, byte[] contentHash, UUID supersededBy) {}
