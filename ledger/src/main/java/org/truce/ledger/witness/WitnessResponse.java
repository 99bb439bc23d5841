package org.truce.ledger.witness;

import java.nio.charset.StandardCharsets;

/**
 * What the HTTP layer must send back for an add-checkpoint request: status, Content-Type and
 * body, exactly. {@link #reason()} is for the witness's own log, not for the wire.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header value
 * @param body the response body
 * @param reason a one-line explanation for operators
 */
public record WitnessResponse(int status, String contentType, byte[] body, String reason) {
    /** Content-Type of every response but a 409. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    /** Content-Type of a 409 response, whose body is the witness's latest size. */
    public static final String TLOG_SIZE = "text/x.tlog.size";

    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int UNPROCESSABLE = 422;

    public WitnessResponse {
        body = body.clone();
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static WitnessResponse cosigned(String signatureLines) {
        return new WitnessResponse(OK, TEXT_PLAIN, signatureLines.getBytes(StandardCharsets.UTF_8), "cosigned");
    }

    static WitnessResponse conflict(long latestSize, String reason) {
        return new WitnessResponse(CONFLICT, TLOG_SIZE, (latestSize + "\n").getBytes(StandardCharsets.US_ASCII), reason);
    }

    static WitnessResponse error(int status, String reason) {
        return new WitnessResponse(status, TEXT_PLAIN, (reason + "\n").getBytes(StandardCharsets.UTF_8), reason);
    }

    @Override
    public String toString() {
        return "WitnessResponse[" + status + " " + contentType + ": " + reason + "]";
    }
}
