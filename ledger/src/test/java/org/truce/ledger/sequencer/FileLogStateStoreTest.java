package org.truce.ledger.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.merkle.Rfc6962;

class FileLogStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreHoldsTheInitialState() throws Exception {
        assertThat(new FileLogStateStore(dir.resolve("state")).current()).isEqualTo(LogState.initial());
    }

    @Test
    void compareAndSetReplacesOnlyTheExpectedStateAndPersists() throws Exception {
        FileLogStateStore store = new FileLogStateStore(dir.resolve("state"));
        LogState one = LogState.initial().next(1, Rfc6962.hashLeaf(new byte[] {1}));
        assertThat(store.compareAndSet(LogState.initial(), one)).isTrue();
        assertThat(store.compareAndSet(LogState.initial(), LogState.initial().next(5, Rfc6962.emptyRoot()))).isFalse();
        assertThat(new FileLogStateStore(dir.resolve("state")).current()).isEqualTo(one);
    }

    @Test
    void aSameSizeClaimStillChangesTheVersion() throws Exception {
        FileLogStateStore store = new FileLogStateStore(dir.resolve("state"));
        LogState claimed = LogState.initial().next(0, Rfc6962.emptyRoot());
        assertThat(store.compareAndSet(LogState.initial(), claimed)).isTrue();
        assertThat(store.compareAndSet(LogState.initial(), LogState.initial().next(0, Rfc6962.emptyRoot()))).isFalse();
        assertThat(store.current().version()).isEqualTo(1);
    }

    @Test
    void theLogNeverShrinks() {
        FileLogStateStore store = new FileLogStateStore(dir.resolve("state"));
        LogState five = new LogState(5, Rfc6962.emptyRoot(), 3);
        assertThatThrownBy(() -> store.compareAndSet(five, new LogState(4, Rfc6962.emptyRoot(), 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedStateFileIsAnError() throws Exception {
        Files.writeString(dir.resolve("state"), "truce-log-state v1\nsize x\n");
        assertThatThrownBy(() -> new FileLogStateStore(dir.resolve("state")).current()).isInstanceOf(IOException.class);
    }
}
