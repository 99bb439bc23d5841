package org.truce.ledger.witness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.MalformedCheckpointException;
import org.truce.ledger.note.StdBase64;

/**
 * The body of {@code POST <prefix>/add-checkpoint} (C2SP tlog-witness):
 *
 * <pre>
 * old &lt;size&gt;\n            decimal, no leading zeros
 * &lt;base64 hash&gt;\n        0 to 63 consistency proof lines, 32 bytes each
 * \n                     empty line
 * &lt;signed checkpoint&gt;    the rest, verbatim
 * </pre>
 *
 * @param oldSize the size of the witness's latest cosigned checkpoint as the client believes it
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param signedCheckpoint the signed checkpoint note, as sent
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, byte[] signedCheckpoint) {
    /** Most proof lines a request may carry. */
    public static final int MAX_PROOF_LINES = 63;

    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("old size must be >= 0");
        }
        if (proof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than 63 proof hashes");
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] hash : proof) {
            if (hash.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException("proof hashes must be 32 bytes");
            }
            copy.add(hash.clone());
        }
        proof = List.copyOf(copy);
        signedCheckpoint = signedCheckpoint.clone();
    }

    /** The signed checkpoint (a copy). */
    @Override
    public byte[] signedCheckpoint() {
        return signedCheckpoint.clone();
    }

    /** The proof hashes (copies). */
    @Override
    public List<byte[]> proof() {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(h -> copy.add(h.clone()));
        return copy;
    }

    /** The request body. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("old " + oldSize + "\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] hash : proof) {
            out.writeBytes((StdBase64.encode(hash) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
        out.writeBytes(signedCheckpoint);
        return out.toByteArray();
    }

    /**
     * Parses a request body. The checkpoint part is not looked at.
     *
     * @throws MalformedRequestException if the old size line, a proof line or the empty line is
     *     missing or malformed, if there are more than 63 proof lines, or if the checkpoint part
     *     is empty
     */
    public static AddCheckpointRequest parse(byte[] body) throws MalformedRequestException {
        int position = 0;
        int end = lineEnd(body, position);
        String oldLine = ascii(body, position, end);
        if (!oldLine.startsWith("old ")) {
            throw new MalformedRequestException("first line is not \"old <size>\"");
        }
        long oldSize;
        try {
            oldSize = Checkpoint.parseSize(oldLine.substring(4));
        } catch (MalformedCheckpointException e) {
            throw new MalformedRequestException("old size is not a canonical decimal");
        }
        position = end + 1;

        List<byte[]> proof = new ArrayList<>();
        while (true) {
            end = lineEnd(body, position);
            if (end == position) {
                position++;
                break;
            }
            if (proof.size() == MAX_PROOF_LINES) {
                throw new MalformedRequestException("more than 63 proof lines");
            }
            proof.add(decodeHash(ascii(body, position, end)));
            position = end + 1;
        }
        if (position >= body.length) {
            throw new MalformedRequestException("no checkpoint after the empty line");
        }
        return new AddCheckpointRequest(oldSize, proof, Arrays.copyOfRange(body, position, body.length));
    }

    private static int lineEnd(byte[] body, int from) throws MalformedRequestException {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        throw new MalformedRequestException("line not terminated by newline");
    }

    private static String ascii(byte[] body, int from, int to) throws MalformedRequestException {
        for (int i = from; i < to; i++) {
            if (body[i] < 0x20 || body[i] > 0x7e) {
                throw new MalformedRequestException("non-ASCII or control byte in header");
            }
        }
        return new String(body, from, to - from, StandardCharsets.US_ASCII);
    }

    private static byte[] decodeHash(String line) throws MalformedRequestException {
        byte[] hash;
        try {
            hash = StdBase64.decode(line);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("proof line is not base64");
        }
        if (hash.length != Checkpoint.HASH_SIZE) {
            throw new MalformedRequestException("proof hash is " + hash.length + " bytes, not 32");
        }
        return hash;
    }
}
