package org.truce.ledger.receipt;

import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteSigner;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;

/** Signing and opening receipts as signed notes with the log's key. */
public final class Receipts {
    private Receipts() {
    }

    /**
     * Signs a receipt with the log's key. Requires {@code logKey.name()} to equal the receipt's
     * origin, as for checkpoints.
     *
     * @throws ReceiptOriginException if the key's name is not the origin
     * @throws NoteException if the note cannot be signed
     */
    public static byte[] sign(Receipt receipt, NoteSigner logKey) throws NoteException, ReceiptOriginException {
        if (!logKey.name().equals(receipt.origin())) {
            throw new ReceiptOriginException(receipt.origin(), logKey.name());
        }
        return Notes.sign(Note.unsigned(receipt.format()), logKey);
    }

    /**
     * Opens a signed receipt of the log {@code origin}.
     *
     * @param logKeys the log's verifier keys only
     * @throws NoteException if the note is malformed or not validly signed by a key of
     *     {@code logKeys}
     * @throws MalformedReceiptException if the text is not a receipt
     * @throws ReceiptOriginException if the receipt is for another origin
     */
    public static Receipt open(byte[] signedReceipt, String origin, Verifiers logKeys) throws NoteException, ReceiptException {
        Receipt receipt = Receipt.parse(Notes.open(signedReceipt, logKeys).text());
        if (!receipt.origin().equals(origin)) {
            throw new ReceiptOriginException(origin, receipt.origin());
        }
        return receipt;
    }
}
