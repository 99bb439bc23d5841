package org.truce.ledger.sequencer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LogStateStore} in one small text file, for tests and standalone logs. Compare-and-set
 * holds an exclusive lock on a sibling {@code .lock} file (and an in-process monitor, since file locks
 * do not exclude threads of one JVM), writes the new state to a temporary file, fsyncs it, renames it
 * over the state file and fsyncs the directory.
 *
 * <p>File format, UTF-8: {@code truce-log-state v1\nsize <decimal>\nroot <hex>\nversion <decimal>\n}.
 */
public final class FileLogStateStore implements LogStateStore {

    private static final String MAGIC = "truce-log-state v1";
    private static final Map<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Object monitor;

    /** A store in {@code file}; its directory must exist. */
    public FileLogStateStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.monitor = IN_PROCESS_LOCKS.computeIfAbsent(this.file, f -> new Object());
    }

    @Override
    public LogState current() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return LogState.initial();
        }
        String[] lines = text.split("\n", -1);
        if (lines.length != 5 || !lines[0].equals(MAGIC) || !lines[1].startsWith("size ")
                || !lines[2].startsWith("root ") || !lines[3].startsWith("version ") || !lines[4].isEmpty()) {
            throw new IOException(file + " is not a log state file");
        }
        try {
            return new LogState(Long.parseLong(lines[1].substring(5)),
                    HexFormat.of().parseHex(lines[2].substring(5)),
                    Long.parseLong(lines[3].substring(8)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds an invalid log state: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean compareAndSet(LogState expected, LogState next) throws IOException {
        if (next.size() < expected.size() || next.version() != expected.version() + 1) {
            throw new IllegalArgumentException("cannot move from " + expected + " to " + next);
        }
        synchronized (monitor) {
            try (FileChannel lockChannel = FileChannel.open(lockFile,
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockChannel.lock()) {
                if (!current().equals(expected)) {
                    return false;
                }
                write(next);
                return true;
            }
        }
    }

    private void write(LogState state) throws IOException {
        String text = MAGIC + "\nsize " + state.size() + "\nroot " + HexFormat.of().formatHex(state.root())
                + "\nversion " + state.version() + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(text));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
