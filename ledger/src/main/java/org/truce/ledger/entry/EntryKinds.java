package org.truce.ledger.entry;

/**
 * Entry kinds in use. A kind is data, not an enum: any string matching
 * {@link LedgerEntry#isValidKind} may be recorded, and auditors must not reject unknown kinds.
 */
public final class EntryKinds {
    /** A party or monitor registered a report (a violation, an event). */
    public static final String REPORT_REGISTERED = "report.registered";
    /** A report was corrected by a new one; the old one stays in the log. */
    public static final String REPORT_SUPERSEDED = "report.superseded";
    /** A zone was defined: its code, name, type, agreement and holder (its shape is in its versions). */
    public static final String ZONE_DEFINED = "zone.defined";
    /** A new version of a zone's geometry became valid. */
    public static final String ZONE_VERSION = "zone.version";
    /** A party stated its position on an incident. */
    public static final String POSITION_STATED = "position.stated";
    /** A party acknowledged a humanitarian notification. */
    public static final String NOTIFICATION_ACKNOWLEDGED = "notification.acknowledged";
    /** An admin registered a party's Ed25519 key for signing its submissions. */
    public static final String PARTY_KEY_REGISTERED = "party-key.registered";
    /** An admin revoked a party's key: signatures made with it after this are not the party's. */
    public static final String PARTY_KEY_REVOKED = "party-key.revoked";
    /** A daily bulletin was published. */
    public static final String BULLETIN_PUBLISHED = "bulletin.published";

    private EntryKinds() {
    }
}
