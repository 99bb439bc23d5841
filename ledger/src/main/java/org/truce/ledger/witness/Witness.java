package org.truce.ledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.checkpoint.SignedCheckpoint;
import org.truce.ledger.note.InvalidSignatureException;
import org.truce.ledger.note.AmbiguousVerifierException;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteSigner;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.UnverifiedNoteException;
import org.truce.ledger.note.Verifiers;

/**
 * A transparency log witness (C2SP tlog-witness {@code add-checkpoint}), independent of any HTTP
 * library: the HTTP layer passes the request body to {@link #addCheckpoint} and sends back the
 * returned status, Content-Type and body unchanged.
 *
 * <p>Checks, in this order (the first that fails decides the answer):
 *
 * <ol>
 *   <li>400: body larger than {@link #MAX_BODY_BYTES}, malformed request or checkpoint note,
 *       more than 63 proof lines, proof lines with old size 0, old size above the checkpoint
 *       size;</li>
 *   <li>404: the checkpoint's origin is not a configured log;</li>
 *   <li>403: no signature verifies against the log's keys (or a log key's signature is
 *       invalid);</li>
 *   <li>409 ({@code text/x.tlog.size}, body {@code "<latest size>\n"}): old size is not the size
 *       of the latest cosigned checkpoint (0 if none), or the sizes are equal and the root
 *       hashes differ;</li>
 *   <li>422: the consistency proof does not verify (any exception from the
 *       {@link ConsistencyVerifier}), or is not empty when both sizes are equal;</li>
 *   <li>200 ({@code text/plain; charset=utf-8}): the state is advanced with an atomic
 *       compare-and-set, persisted, and the body holds one cosignature line per cosigner.</li>
 * </ol>
 */
public final class Witness {
    /** Bodies larger than this are refused with 400. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int MAX_STATE_RACES = 8;

    private final List<NoteSigner> cosigners;
    private final Map<String, Verifiers> logKeysByOrigin;
    private final WitnessState state;
    private final ConsistencyVerifier consistency;

    /**
     * @param cosigners the witness's keys, at least one (usually one {@link CosignatureSigner})
     * @param logKeysByOrigin for each log origin the witness serves, that log's verifier keys
     * @param state where the latest cosigned checkpoint of each log is kept
     * @param consistency the Merkle consistency proof check
     */
    public Witness(List<? extends NoteSigner> cosigners, Map<String, Verifiers> logKeysByOrigin,
                   WitnessState state, ConsistencyVerifier consistency) {
        if (cosigners.isEmpty()) {
            throw new IllegalArgumentException("a witness needs at least one cosigning key");
        }
        this.cosigners = List.copyOf(cosigners);
        this.logKeysByOrigin = Map.copyOf(logKeysByOrigin);
        this.state = state;
        this.consistency = consistency;
    }

    /**
     * Handles one add-checkpoint request body.
     *
     * @return the response to send; never null
     * @throws IOException only if the witness state cannot be read or written (the HTTP layer
     *     should answer 5xx: the request may be retried)
     */
    public WitnessResponse addCheckpoint(byte[] body) throws IOException {
        if (body.length > MAX_BODY_BYTES) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST, "request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(body);
        } catch (MalformedRequestException e) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST, e.getMessage());
        }

        String origin;
        try {
            origin = Checkpoints.peekOrigin(request.signedCheckpoint());
        } catch (NoteException | CheckpointException e) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST, e.getMessage());
        }
        Verifiers logKeys = logKeysByOrigin.get(origin);
        if (logKeys == null) {
            return WitnessResponse.error(WitnessResponse.NOT_FOUND, "unknown log origin");
        }

        SignedCheckpoint signed;
        try {
            signed = Checkpoints.open(request.signedCheckpoint(), origin, logKeys);
        } catch (UnverifiedNoteException | InvalidSignatureException | AmbiguousVerifierException e) {
            return WitnessResponse.error(WitnessResponse.FORBIDDEN, e.getMessage());
        } catch (NoteException | CheckpointException e) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST, e.getMessage());
        }
        Checkpoint checkpoint = signed.checkpoint();

        if (request.oldSize() > checkpoint.size()) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST,
                    "old size " + request.oldSize() + " is above checkpoint size " + checkpoint.size());
        }
        if (request.oldSize() == 0 && !request.proof().isEmpty()) {
            return WitnessResponse.error(WitnessResponse.BAD_REQUEST, "proof must be empty when old size is 0");
        }

        WitnessedCheckpoint next = new WitnessedCheckpoint(checkpoint, request.signedCheckpoint());
        for (int race = 0; race < MAX_STATE_RACES; race++) {
            Optional<WitnessedCheckpoint> current = state.latest(origin);
            Optional<WitnessResponse> refusal = check(request, checkpoint, current);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            if (state.compareAndSet(current, next)) {
                return WitnessResponse.cosigned(cosign(signed.note().text()));
            }
        }
        long latest = state.latest(origin).map(w -> w.checkpoint().size()).orElse(0L);
        return WitnessResponse.conflict(latest, "state kept changing under concurrent requests");
    }

    /** The refusal for this request against the current state, or empty to cosign. */
    private Optional<WitnessResponse> check(AddCheckpointRequest request, Checkpoint checkpoint,
                                            Optional<WitnessedCheckpoint> current) {
        long latestSize = current.map(w -> w.checkpoint().size()).orElse(0L);
        if (request.oldSize() != latestSize) {
            return Optional.of(WitnessResponse.conflict(latestSize,
                    "old size " + request.oldSize() + " but latest cosigned size is " + latestSize));
        }
        if (current.isEmpty() || latestSize == 0 && checkpoint.size() > 0) {
            return Optional.empty();
        }
        Checkpoint latest = current.get().checkpoint();
        if (checkpoint.size() == latestSize) {
            if (!Arrays.equals(latest.rootHash(), checkpoint.rootHash())) {
                return Optional.of(WitnessResponse.conflict(latestSize,
                        "same size " + latestSize + " as the latest cosigned checkpoint but a different root hash"));
            }
            if (!request.proof().isEmpty()) {
                return Optional.of(WitnessResponse.error(WitnessResponse.UNPROCESSABLE, "proof must be empty for equal sizes"));
            }
            return Optional.empty();
        }
        try {
            consistency.verify(latestSize, checkpoint.size(), latest.rootHash(), checkpoint.rootHash(), request.proof());
        } catch (Exception e) {
            return Optional.of(WitnessResponse.error(WitnessResponse.UNPROCESSABLE,
                    "consistency proof from " + latestSize + " to " + checkpoint.size() + " does not verify: " + e));
        }
        return Optional.empty();
    }

    private String cosign(String checkpointText) {
        byte[] text = checkpointText.getBytes(StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        for (NoteSigner cosigner : cosigners) {
            lines.append(Notes.signature(cosigner, text).line());
        }
        return lines.toString();
    }
}
