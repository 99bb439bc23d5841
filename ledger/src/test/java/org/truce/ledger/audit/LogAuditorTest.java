package org.truce.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.tiles.EntryBundle;
import org.truce.ledger.tiles.TileAppender;
import org.truce.ledger.tiles.TileStore;

class LogAuditorTest {

    private static final int SIZE = 1000;

    @TempDir
    Path dir;

    TileStore tiles;
    byte[] root;
    byte[] rootAt300;

    @BeforeEach
    void writeLog() throws Exception {
        tiles = new TileStore(dir);
        TileAppender appender = TileAppender.empty();
        tiles.publishAll(appender.append(entries("e", 0, 300)));
        rootAt300 = appender.root();
        tiles.publishAll(appender.append(entries("e", 300, SIZE)));
        root = appender.root();
    }

    static List<byte[]> entries(String prefix, int from, int to) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add((prefix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    @Test
    void anUntouchedLogHasNoDiscrepancy() {
        LogAuditor auditor = new LogAuditor(tiles);
        assertThat(auditor.audit(SIZE, root)).isEmpty();
        assertThat(auditor.audit(300, rootAt300)).isEmpty();
        assertThat(auditor.auditConsistency(300, rootAt300, SIZE, root)).isEmpty();
        assertThat(auditor.auditConsistency(0, Rfc6962.emptyRoot(), SIZE, root)).isEmpty();
    }

    @Test
    void aChangedEntryIsReportedWithItsLeafBundleTileAndBothHashes() throws Exception {
        Path bundle = dir.resolve("tile/entries/001");
        List<byte[]> entries = EntryBundle.decode("b", Files.readAllBytes(bundle));
        entries.set(5, "forged".getBytes(StandardCharsets.UTF_8));
        Files.write(bundle, EntryBundle.encode(entries));

        List<String> report = new LogAuditor(tiles).audit(SIZE, root);
        assertThat(report).anySatisfy(m -> assertThat(m)
                .startsWith("leaf 261: entry 5 of tile/entries/001 hashes to ")
                .contains("but tile/0/001 holds "));
        assertThat(report).anySatisfy(m -> assertThat(m).startsWith("root of size 1000 recomputed"));
    }

    @Test
    void reorderedEntriesAreReportedAtBothLeaves() throws Exception {
        Path bundle = dir.resolve("tile/entries/000");
        List<byte[]> entries = EntryBundle.decode("b", Files.readAllBytes(bundle));
        byte[] swap = entries.get(3);
        entries.set(3, entries.get(4));
        entries.set(4, swap);
        Files.write(bundle, EntryBundle.encode(entries));
        List<String> report = new LogAuditor(tiles).audit(SIZE, root);
        assertThat(report).anySatisfy(m -> assertThat(m).startsWith("leaf 3: "));
        assertThat(report).anySatisfy(m -> assertThat(m).startsWith("leaf 4: "));
    }

    @Test
    void aChangedInteriorHashIsReportedWithItsNodeAndTile() throws Exception {
        Path tile = dir.resolve("tile/1/000.p/3");
        byte[] content = Files.readAllBytes(tile);
        content[32 + 7] ^= 1;
        Files.write(tile, content);
        List<String> report = new LogAuditor(tiles).audit(SIZE, root);
        assertThat(report).singleElement().asString()
                .startsWith("node (level 8, index 1) over leaves 256 to 511 recomputes to ")
                .contains("tile/1/000.p/3 holds").endsWith("at position 1");
    }

    @Test
    void aTruncatedLogIsReported() throws Exception {
        Files.delete(dir.resolve("tile/entries/003.p/232"));
        assertThat(new LogAuditor(tiles).audit(SIZE, root)).singleElement().asString()
                .contains("leaves 768 to 999").contains("tile/entries/003.p/232 cannot be read");
    }

    @Test
    void aForkIsReportedAgainstTheEarlierCheckpoint() throws Exception {
        // Another history of the same size 300: what a forked log would have shown someone else.
        TileStore other = new TileStore(dir.resolve("other"));
        TileAppender fork = TileAppender.empty();
        other.publishAll(fork.append(entries("fork", 0, 300)));
        List<String> report = new LogAuditor(tiles).auditConsistency(300, fork.root(), SIZE, root);
        assertThat(report).anySatisfy(m -> assertThat(m).startsWith("history rewritten: the first 300 entries now give root"));
        assertThat(report).anySatisfy(m -> assertThat(m).contains("consistency proof from size 300 to 1000 built from the tiles fails"));
    }

    @Test
    void aWrongCheckpointRootIsReported() {
        byte[] wrong = root.clone();
        wrong[0] ^= 1;
        assertThat(new LogAuditor(tiles).audit(SIZE, wrong)).singleElement().asString()
                .startsWith("root of size 1000 recomputed from the entry bundles is ");
    }

    @Test
    void tooManyDiscrepanciesAreCounted() throws Exception {
        for (Map.Entry<String, byte[]> file : TileAppender.empty().append(entries("x", 0, 256)).entrySet()) {
            if (file.getKey().equals("tile/entries/000")) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
            }
        }
        List<String> report = new LogAuditor(tiles).audit(SIZE, root);
        assertThat(report).hasSize(LogAuditor.MAX_REPORTED + 1);
        assertThat(report.get(report.size() - 1)).matches("\\.\\.\\. and \\d+ more discrepancies");
    }
}
