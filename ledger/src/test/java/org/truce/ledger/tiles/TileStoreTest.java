package org.truce.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileStoreTest {

    @TempDir
    Path dir;

    @Test
    void publishedFilesAreReadBackAndNoTemporaryFileRemains() throws Exception {
        TileStore store = new TileStore(dir);
        store.publish("tile/0/x001/234.p/7", new byte[] {1, 2, 3});
        assertThat(store.read("tile/0/x001/234.p/7")).containsExactly(1, 2, 3);
        assertThat(Files.readAllBytes(dir.resolve("tile/0/x001/234.p/7"))).containsExactly(1, 2, 3);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aPublishedTileIsNeverReplaced() throws Exception {
        TileStore store = new TileStore(dir);
        store.publish("tile/0/000", new byte[] {1});
        store.publish("tile/0/000", new byte[] {1}); // identical: idempotent
        assertThatThrownBy(() -> store.publish("tile/0/000", new byte[] {2}))
                .isInstanceOf(TileConflictException.class)
                .hasMessageContaining("tile/0/000");
        store.publish("tile/0/000.p/3", new byte[] {2});
        assertThatThrownBy(() -> store.publish("tile/0/000.p/3", new byte[] {4}))
                .isInstanceOf(TileConflictException.class);
        assertThat(store.read("tile/0/000")).containsExactly(1);
    }

    @Test
    void missingFilesAreTyped() throws Exception {
        TileStore store = new TileStore(dir);
        assertThatThrownBy(() -> store.read("tile/0/000"))
                .isInstanceOfSatisfying(TileNotFoundException.class, e -> assertThat(e.path()).isEqualTo("tile/0/000"));
    }

    @Test
    void onlyPartialFilesCanBeDeletedAndTheyAreListedByWidth() throws Exception {
        TileStore store = new TileStore(dir);
        store.publish("tile/entries/005.p/9", new byte[] {1});
        store.publish("tile/entries/005.p/12", new byte[] {1});
        store.publish("tile/entries/005", new byte[] {1});
        assertThat(store.partialWidths("tile/entries/005")).containsExactly(9, 12);
        store.deletePartial("tile/entries/005.p/12");
        assertThat(store.partialWidths("tile/entries/005")).containsExactly(9);
        assertThatThrownBy(() -> store.deletePartial("tile/entries/005")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists("tile/entries/005")).isTrue();
    }

    @Test
    void pathsCannotEscapeTheStore() throws Exception {
        TileStore store = new TileStore(dir);
        assertThatThrownBy(() -> store.read("../outside")).isInstanceOf(IllegalArgumentException.class);
    }
}
