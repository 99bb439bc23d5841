package org.truce.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.merkle.Proofs;

class TileNodeReaderTest {

    @TempDir
    Path dir;

    @Test
    void proofsFromTilesEqualProofsFromMemoryAtManySizes() throws Exception {
        TileStore store = new TileStore(dir);
        int n = 70_000; // three tile levels, partial at each
        TreeFixture tree = TreeFixture.write(store, n);
        TileNodeReader reader = new TileNodeReader(store, n, 8);
        assertThat(Proofs.root(reader, n)).isEqualTo(tree.range.root());
        for (long index : new long[] {0, 1, 255, 256, 65_535, 65_536, 69_999, 12_345}) {
            assertThat(Proofs.inclusion(reader, index, n))
                    .as("inclusion of %d", index)
                    .containsExactlyElementsOf(Proofs.inclusion(tree, index, n));
        }
        for (long size1 : new long[] {1, 255, 256, 257, 65_536, 69_998}) {
            assertThat(Proofs.consistency(reader, size1, n))
                    .as("consistency from %d", size1)
                    .containsExactlyElementsOf(Proofs.consistency(tree, size1, n));
        }
    }

    @Test
    void aSmallerTreeReadsThePrefixOfAFullTileWhenItsPartialIsGone() throws Exception {
        TileStore store = new TileStore(dir);
        TreeFixture tree = TreeFixture.write(store, 300);
        // Size 100 never had its partial tile written: the reader must use the full tile's prefix.
        TileNodeReader at100 = new TileNodeReader(store, 300, 4).atSize(100);
        assertThat(Proofs.root(at100, 100)).isEqualTo(Proofs.root(tree, 100));
        assertThat(new TreeTiles(store, 100).entries(0)).hasSize(100);
    }

    @Test
    void nodesOutsideTheTreeAreRefused() throws Exception {
        TileStore store = new TileStore(dir);
        TreeFixture.write(store, 10);
        TileNodeReader reader = new TileNodeReader(store, 10, 4);
        assertThatThrownBy(() -> reader.node(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.node(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reader.node(3, 0)).hasSize(32);
    }

    @Test
    void aTruncatedTileIsReportedWithItsPath() throws Exception {
        TileStore store = new TileStore(dir);
        TreeFixture.write(store, 10);
        Files.write(dir.resolve("tile/0/000.p/10"), new byte[33]);
        TileNodeReader reader = new TileNodeReader(store, 10, 4);
        assertThatThrownBy(() -> reader.node(0, 3))
                .isInstanceOf(MalformedTileException.class)
                .hasMessageContaining("tile/0/000.p/10");
    }
}
