package org.truce.ledger.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a log's tiles from a web server, so that an auditor can work on a remote log. Thread-safe. */
public final class HttpTileSource implements TileSource {

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * Reads tiles below {@code base} (for example {@code https://log.example/log/}; a missing final
     * slash is added) with a 30-second timeout per request.
     */
    public HttpTileSource(URI base) {
        this(base, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofSeconds(30));
    }

    /** Reads tiles below {@code base} with the given client and per-request timeout. */
    public HttpTileSource(URI base, HttpClient client, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public byte[] read(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        }
        if (response.statusCode() == 404) {
            throw new TileNotFoundException(path);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
