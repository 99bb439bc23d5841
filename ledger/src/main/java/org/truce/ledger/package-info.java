/** Tamper-evident log. */
package org.truce.ledger;
