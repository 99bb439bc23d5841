package org.truce.core.actor;

/** Whether an armed actor is covered by the ceasefire. */
public enum CeasefireStatus {
  /** A party to the ceasefire or covered by it through its sponsor. */
  SIGNATORY,
  /** Designated and excluded from the ceasefire (e.g. ISIL, Jabhat al-Nusra / HTS). */
  EXCLUDED,
  /** Not established. */
  UNKNOWN
}
