package org.truce.ledger.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;

/**
 * A {@link WitnessState} on disk: one file per origin, {@code <hex SHA-256(origin)>.checkpoint},
 * holding the signed checkpoint note as received.
 *
 * <p>{@link #compareAndSet} holds an in-process lock (shared by all instances in the JVM) and an
 * OS file lock on {@code <name>.lock} (so two witness processes on one directory also
 * serialise), re-reads the
 * file, and only if it still holds the expected tree head writes a temporary file, forces it to
 * disk, renames it atomically over the old one and forces the directory. A crash leaves either
 * the old or the new file, never a mix.
 */
public final class FileWitnessState implements WitnessState {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    /**
     * In-process locks by lock file, shared by all instances: the OS file lock is held per JVM,
     * so two instances on one directory must first exclude each other here.
     */
    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;

    /** Uses (and creates if needed) {@code directory}. */
    public FileWitnessState(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory).toRealPath();
    }

    @Override
    public Optional<WitnessedCheckpoint> latest(String origin) throws IOException {
        Path file = file(origin);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] note = Files.readAllBytes(file);
        try {
            Checkpoint checkpoint = Checkpoint.parse(Notes.parseUnverified(note).text());
            if (!checkpoint.origin().equals(origin)) {
                throw new IOException("witness state " + file + " holds origin " + checkpoint.origin() + ", not " + origin);
            }
            return Optional.of(new WitnessedCheckpoint(checkpoint, note));
        } catch (NoteException | CheckpointException e) {
            throw new IOException("corrupt witness state " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean compareAndSet(Optional<WitnessedCheckpoint> expected, WitnessedCheckpoint next) throws IOException {
        String origin = next.checkpoint().origin();
        Path lockFile = lockFile(origin);
        ReentrantLock lock = LOCKS.computeIfAbsent(lockFile, f -> new ReentrantLock());
        lock.lock();
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            Optional<WitnessedCheckpoint> current = latest(origin);
            boolean matches = expected.isEmpty()
                    ? current.isEmpty()
                    : current.isPresent() && current.get().sameTreeHead(expected.get().checkpoint());
            if (!matches) {
                return false;
            }
            replace(file(origin), next.signedNote());
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void replace(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            if (!WINDOWS) {
                try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                    dir.force(true);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path file(String origin) {
        return directory.resolve(fileStem(origin) + ".checkpoint");
    }

    private Path lockFile(String origin) {
        return directory.resolve(fileStem(origin) + ".lock");
    }

    private static String fileStem(String origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
