package org.truce.store.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored edition of a day's bulletin: the canonical content JSON and its SHA-256, the edition
 * it corrects (with the reason), who did each step of the workflow and when, and once published
 * the log's signed note and the ledger entry that records it.
 */
public record BulletinRow(UUID id, LocalDate day, int edition, BulletinStatus status, String content,
    String contentSha256, UUID correctsId, Integer correctsEdition, String correctionReason,
    String draftedBy, Instant draftedAt, String submittedBy, Instant submittedAt, String reviewedBy,
    Instant reviewedAt, String reviewNote, String publishedBy, Instant publishedAt, String signedNote,
    Long ledgerEntryId) {}
