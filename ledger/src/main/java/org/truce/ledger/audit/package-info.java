/**
 * Independent checking of a published log: {@link org.truce.ledger.audit.LogAuditor} recomputes
 * everything from the entry bundles, compares it with every stored hash and with the roots that
 * checkpoints claim, and says precisely where they disagree.
 */
package org.truce.ledger.audit;
