package org.truce.store.auth;

import java.time.Instant;

/** One line of the audit trail: who did or read what, when, from where, and whether it was allowed. */
public record AuditEvent(long id, Instant at, String username, String party, String action, String resourceType,
    String resourceId, String outcome, String detail, String remoteAddress) {}
