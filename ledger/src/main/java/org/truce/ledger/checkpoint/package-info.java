/**
 * Log checkpoints (C2SP tlog-checkpoint): the signed statement "the log with this origin has
 * this many entries and this RFC 6962 root hash".
 *
 * <pre>
 * truce.example/log          origin
 * 4096                       tree size, decimal, no leading zeros
 * CsUYapGGPo4dkMgIAUqom/...= root hash, base64 of 32 bytes
 * [extension lines]          optional, non-empty, opaque
 * </pre>
 *
 * <p>{@link org.truce.ledger.checkpoint.Checkpoint} formats and strictly parses the note text;
 * {@link org.truce.ledger.checkpoint.Checkpoints} signs and opens it as a signed note with the
 * log's key.
 */
package org.truce.ledger.checkpoint;
