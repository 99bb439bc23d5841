package org.truce.store.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A piece of evidence as registered: its content hash (the vault's address), type, labels and provenance. */
public record EvidenceRow(UUID id, UUID incidentId, String incidentCode, String sha256, String kind,
    String mediaType, long sizeBytes, String originalName, String sourceUrl, Instant capturedAt, String description,
    List<String> sensitivity, UUID derivedFrom, String uploadedBy, String uploaderParty, Instant uploadedAt,
    int version) {
  public boolean sensitive() {
    return !sensitivity.isEmpty();
  }
}
