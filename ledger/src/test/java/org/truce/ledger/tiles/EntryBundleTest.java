package org.truce.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EntryBundleTest {

    @Test
    void entriesAreLengthPrefixedBigEndian() throws Exception {
        byte[] bundle = EntryBundle.encode(List.of(new byte[] {7}, new byte[0], new byte[300]));
        assertThat(bundle).startsWith(0, 1, 7, 0, 0, 1, 44);
        assertThat(bundle).hasSize(2 + 1 + 2 + 2 + 300);
        assertThat(EntryBundle.decode("b", bundle)).hasSize(3);
    }

    @Test
    void entriesLongerThanTheUint16PrefixAreRefused() {
        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[65536])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EntryBundle.encode(List.of(new byte[65535]))).hasSize(65537);
    }

    @Test
    void truncatedBundlesAreReportedWithTheEntryAndThePath() {
        assertThatThrownBy(() -> EntryBundle.decode("tile/entries/000", new byte[] {0, 5, 1, 2}))
                .isInstanceOf(MalformedTileException.class)
                .hasMessageContaining("tile/entries/000")
                .hasMessageContaining("entry 0");
        assertThatThrownBy(() -> EntryBundle.decode("p", new byte[] {0, 0, 1}))
                .hasMessageContaining("entry 1");
    }

    @Property(tries = 200)
    void decodeInvertsEncode(@ForAll @Size(max = 40) List<@Size(max = 300) byte[]> entries) throws Exception {
        assertThat(EntryBundle.decode("p", EntryBundle.encode(entries))).containsExactlyElementsOf(entries);
    }

    @Property(tries = 300)
    void decodingArbitraryBytesFailsCleanlyOrYieldsEntries(@ForAll @Size(max = 64) byte[] garbage) {
        try {
            List<byte[]> entries = EntryBundle.decode("p", garbage);
            assertThat(EntryBundle.encode(entries)).isEqualTo(garbage);
        } catch (MalformedTileException expected) {
            assertThat(expected.path()).isEqualTo("p");
        }
    }
}
