package org.truce.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.merkle.Proofs;

class HttpTileSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSameTreeOverHttpAsFromTheDirectory() throws Exception {
        TileStore store = new TileStore(dir);
        TreeFixture tree = TreeFixture.write(store, 1000);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/log/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring("/log/".length()));
            if (Files.isRegularFile(file)) {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/log");
            HttpTileSource http = new HttpTileSource(base);
            assertThat(http.read("tile/0/000")).isEqualTo(store.read("tile/0/000"));
            assertThat(Proofs.root(new TileNodeReader(http, 1000, 16), 1000)).isEqualTo(tree.range.root());
            assertThat(new TreeTiles(http, 1000).entries(3)).hasSize(1000 - 768);
            assertThatThrownBy(() -> http.read("tile/0/999")).isInstanceOf(TileNotFoundException.class);
        } finally {
            server.stop(0);
        }
    }
}
