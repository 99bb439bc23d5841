package org.truce.core.party;

/** The role a party plays in the mechanism. */
public enum PartyKind {
  /** A guarantor state of an agreement (e.g. Russia and Turkey for the December 2016 ceasefire). */
  GUARANTOR,
  /** A co-sponsor of an arrangement without guarantor status. */
  CO_SPONSOR,
  /** A government party to the ceasefire itself. */
  GOVERNMENT,
  /** A humanitarian organisation (UN agency, ICRC, national Red Crescent). */
  HUMANITARIAN,
  /** The joint monitoring centre itself. */
  MONITOR
}
