package org.truce.store.bulletin;

/**
 * Where an edition stands: a monitor drafts it (and may recompile it), submits it for review, a
 * monitor approves it or returns it to draft, and an approved edition is published, after which
 * it never changes.
 */
public enum BulletinStatus {
  DRAFT, IN_REVIEW, APPROVED, PUBLISHED
}
