package org.truce.ledger.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.checkpoint.MalformedCheckpointException;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Signature;
import org.truce.ledger.note.Verifiers;

/**
 * The log's side of C2SP tlog-witness: submits a signed checkpoint to one witness and returns
 * its verified cosignature.
 *
 * <p>On 409 the witness tells its latest size; the client asks the {@link ProofSource} for a
 * proof from that size and retries, up to {@link #MAX_ATTEMPTS} requests in all.
 */
public final class WitnessClient {
    /** Requests sent per {@link #addCheckpoint} call at most. */
    public static final int MAX_ATTEMPTS = 3;

    private final HttpClient http;
    private final URI addCheckpoint;
    private final CosignatureVerifier witnessKey;
    private final Duration timeout;

    /**
     * @param http the HTTP client (shared; keep-alive is recommended by the spec)
     * @param submissionPrefix the witness's submission prefix; {@code /add-checkpoint} is appended
     * @param witnessKey the witness's cosignature key; cosignatures by other keys are ignored
     * @param timeout per-request timeout
     */
    public WitnessClient(HttpClient http, URI submissionPrefix, CosignatureVerifier witnessKey, Duration timeout) {
        this.http = http;
        String prefix = submissionPrefix.toString();
        this.addCheckpoint = URI.create((prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + "/add-checkpoint");
        this.witnessKey = witnessKey;
        this.timeout = timeout;
    }

    /**
     * Submits {@code signedCheckpoint}, believing the witness's latest cosigned size is
     * {@code oldSize}, and returns the witness's verified cosignature. Requires
     * {@code signedCheckpoint} to be a well-formed signed checkpoint and
     * {@code 0 <= oldSize <= its size}.
     *
     * @throws SizeConflictException if the witness holds a different root at the size we sent,
     *     is ahead of this checkpoint, or the proof source fails for the size it reported
     * @throws WitnessRejectedException on 400, 403, 404, 422, any other status, or a 200 without
     *     a valid cosignature by {@code witnessKey}
     * @throws IOException if the witness cannot be reached
     */
    public Signature addCheckpoint(byte[] signedCheckpoint, long oldSize, ProofSource proofs)
            throws WitnessException, IOException, InterruptedException {
        Note unverified;
        Checkpoint checkpoint;
        try {
            unverified = Notes.parseUnverified(signedCheckpoint);
            checkpoint = Checkpoint.parse(unverified.text());
        } catch (NoteException | CheckpointException e) {
            throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
        }
        if (oldSize < 0 || oldSize > checkpoint.size()) {
            throw new IllegalArgumentException("old size " + oldSize + " outside [0, " + checkpoint.size() + "]");
        }

        long sent = oldSize;
        for (int attempt = 1; ; attempt++) {
            List<byte[]> proof = proofFrom(sent, checkpoint.size(), proofs);
            HttpResponse<byte[]> response = post(new AddCheckpointRequest(sent, proof, signedCheckpoint).encode());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() == WitnessResponse.OK) {
                return cosignature(unverified.text(), body);
            }
            if (response.statusCode() != WitnessResponse.CONFLICT || !isTlogSize(response)) {
                throw new WitnessRejectedException(response.statusCode(), body);
            }
            long witnessSize = parseSize(body, response.statusCode());
            if (witnessSize == sent) {
                throw new SizeConflictException(sent, witnessSize, "witness holds a different root hash at this size", null);
            }
            if (witnessSize > checkpoint.size()) {
                throw new SizeConflictException(sent, witnessSize, "witness is ahead of checkpoint size " + checkpoint.size(), null);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new SizeConflictException(sent, witnessSize, "gave up after " + MAX_ATTEMPTS + " attempts", null);
            }
            sent = witnessSize;
        }
    }

    private static List<byte[]> proofFrom(long fromSize, long toSize, ProofSource proofs) throws SizeConflictException {
        if (fromSize == 0 || fromSize == toSize) {
            return List.of();
        }
        try {
            return proofs.consistencyProof(fromSize);
        } catch (Exception e) {
            throw new SizeConflictException(fromSize, fromSize, "no consistency proof from this size", e);
        }
    }

    private HttpResponse<byte[]> post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(addCheckpoint)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean isTlogSize(HttpResponse<?> response) {
        Optional<String> type = response.headers().firstValue("Content-Type");
        return type.isPresent() && type.get().split(";")[0].strip().equalsIgnoreCase(WitnessResponse.TLOG_SIZE);
    }

    private static long parseSize(String body, int status) throws WitnessRejectedException {
        if (!body.endsWith("\n")) {
            throw new WitnessRejectedException(status, body);
        }
        try {
            return Checkpoint.parseSize(body.substring(0, body.length() - 1));
        } catch (MalformedCheckpointException e) {
            throw new WitnessRejectedException(status, body);
        }
    }

    /** Verifies the response's signature lines against the checkpoint text, as the spec suggests. */
    private Signature cosignature(String checkpointText, String lines) throws WitnessRejectedException {
        byte[] cosigned = (checkpointText + "\n" + lines).getBytes(StandardCharsets.UTF_8);
        try {
            Note note = Notes.open(cosigned, Verifiers.of(witnessKey));
            return note.signatures().get(0);
        } catch (NoteException e) {
            throw new WitnessRejectedException(WitnessResponse.OK, "no valid cosignature by " + witnessKey.name() + ": " + e.getMessage());
        }
    }
}
