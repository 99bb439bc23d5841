package org.truce.core.incident;

/** OPEN incidents hold reports and take new ones; a MERGED incident moved its reports to another and stays for its history. */
public enum IncidentStatus {
  OPEN,
  MERGED
}
