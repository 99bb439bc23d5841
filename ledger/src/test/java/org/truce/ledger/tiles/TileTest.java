package org.truce.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileTest {

    @Test
    void indexesAreEncodedInThreeDigitGroups() {
        assertThat(Tile.encodeIndex(0)).isEqualTo("000");
        assertThat(Tile.encodeIndex(7)).isEqualTo("007");
        assertThat(Tile.encodeIndex(999)).isEqualTo("999");
        assertThat(Tile.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(Tile.encodeIndex(1234067)).isEqualTo("x001/x234/067");
        assertThat(Tile.encodeIndex(1_000_000_000L)).isEqualTo("x001/x000/x000/000");
    }

    @Test
    void pathsFollowTlogTiles() {
        assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(2, 5, 17).path()).isEqualTo("tile/2/005.p/17");
        assertThat(new Tile(0, 1234067, 256).entriesPath()).isEqualTo("tile/entries/x001/x234/067");
        assertThat(new Tile(0, 3, 1).entriesPath()).isEqualTo("tile/entries/003.p/1");
        assertThatThrownBy(() -> new Tile(1, 0, 256).entriesPath()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tilesOfATreeHaveTheWidthItsSizeGives() {
        long size = 70_000; // 273 full level-0 tiles and 112 leaves; 273 level-8 nodes; 1 level-16 node
        assertThat(Tile.count(0, size)).isEqualTo(274);
        assertThat(Tile.inTree(0, 272, size).width()).isEqualTo(256);
        assertThat(Tile.inTree(0, 273, size).width()).isEqualTo(112);
        assertThat(Tile.count(1, size)).isEqualTo(2);
        assertThat(Tile.inTree(1, 1, size).width()).isEqualTo(17);
        assertThat(Tile.count(2, size)).isEqualTo(1);
        assertThat(Tile.inTree(2, 0, size).width()).isEqualTo(1);
        assertThat(Tile.count(3, size)).isZero();
        assertThat(Tile.count(0, 0)).isZero();
        assertThatThrownBy(() -> Tile.inTree(0, 274, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coordinatesAreValidated() {
        assertThatThrownBy(() -> new Tile(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
