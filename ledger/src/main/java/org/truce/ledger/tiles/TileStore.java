package org.truce.ledger.tiles;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A log's tiles in a directory, laid out as tlog-tiles paths so that any web server can serve the
 * directory as it is.
 *
 * <p>Files are <em>published</em>, never written in place: the content goes to a temporary file in
 * the target's directory, is fsynced, then hard-linked to its final name (which fails if the name
 * exists, so two writers can never silently replace each other's file), and the directory is
 * fsynced. Publishing a path that already exists succeeds only when the content is identical, so
 * a tile, once visible, never changes. The only way to remove a file is
 * {@link #deletePartial(String)}, for partial files a crashed writer left beyond the committed size.
 *
 * <p>Thread-safe. Requires a file system with hard links (ext4, xfs, btrfs, APFS, NTFS).
 */
public final class TileStore implements TileSource {

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private static final ExecutorService SHARED_SYNC_POOL = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "truce-tile-fsync");
        thread.setDaemon(true);
        return thread;
    });

    private final Path root;
    private final ExecutorService syncPool;

    /** Opens (and creates if needed) the store rooted at {@code root}; fsyncs run on a shared pool of 8 threads. */
    public TileStore(Path root) throws IOException {
        this(root, SHARED_SYNC_POOL);
    }

    /**
     * Opens (and creates if needed) the store rooted at {@code root}, issuing the fsyncs of a batch
     * concurrently on {@code syncPool}, or one after another on the caller's thread if it is null.
     */
    public TileStore(Path root, ExecutorService syncPool) throws IOException {
        this.root = root.toAbsolutePath();
        this.syncPool = syncPool;
        Files.createDirectories(this.root);
    }

    /** The directory holding the {@code tile/} tree. */
    public Path root() {
        return root;
    }

    @Override
    public byte[] read(String path) throws IOException {
        try {
            return Files.readAllBytes(resolve(path));
        } catch (NoSuchFileException e) {
            throw new TileNotFoundException(path);
        }
    }

    /** True if a file is published at {@code path}. */
    public boolean exists(String path) {
        return Files.isRegularFile(resolve(path));
    }

    /** Publishes one file durably; see the class comment. Requires a relative tile path. */
    public void publish(String path, byte[] content) throws IOException {
        publishAll(Map.of(path, content));
    }

    /**
     * Publishes several files durably, in the iteration order of {@code files}, with one fsync per
     * file and one per directory touched, issued concurrently, so that a batch costs about as much as
     * a couple of fsyncs rather than one per file. When this returns, every file is durable; if it throws, a prefix of the files
     * may have been published.
     *
     * @throws TileConflictException if a path exists with other content
     */
    public void publishAll(Map<String, byte[]> files) throws IOException {
        List<Path> temps = new ArrayList<>(files.size());
        List<Path> targets = new ArrayList<>(files.size());
        Set<Path> dirsToSync = new LinkedHashSet<>();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = resolve(file.getKey());
                createDirectoriesDurably(target.getParent(), dirsToSync);
                temps.add(target.resolveSibling(".tmp-" + target.getFileName() + "-"
                        + ProcessHandle.current().pid() + "-" + TEMP_COUNTER.incrementAndGet()));
                targets.add(target);
            }
            List<byte[]> contents = new ArrayList<>(files.values());
            inParallel(temps.size(), i -> writeAndSync(temps.get(i), contents.get(i)));
            int i = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                link(file.getKey(), temps.get(i), targets.get(i), file.getValue());
                dirsToSync.add(targets.get(i).getParent());
                i++;
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        List<Path> dirs = new ArrayList<>(dirsToSync);
        inParallel(dirs.size(), i -> syncDirectory(dirs.get(i)));
    }

    private interface IoTask {
        void run(int i) throws IOException;
    }

    // fsyncs wait on the device, not the CPU: issued together, the file system commits them in one
    // journal transaction instead of one after another.
    private void inParallel(int count, IoTask task) throws IOException {
        if (count == 1 || syncPool == null) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(syncPool.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while syncing tiles");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Returns the widths of the partial files published for {@code tilePath}, the path of a full tile
     * or full entry bundle (for example {@code tile/0/x001/234} or {@code tile/entries/005}), in
     * ascending order. Requires a full-tile path.
     */
    public List<Integer> partialWidths(String tilePath) throws IOException {
        Path dir = resolve(tilePath + ".p");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[1-9][0-9]{0,2}"))
                    .map(Integer::valueOf)
                    .filter(width -> width < Tile.WIDTH)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Deletes a partial file durably. Requires a path of a partial tile or bundle (containing
     * {@code .p/}): full tiles are immutable. Deleting is only correct for partial files that no
     * committed tree size uses, such as those left by a batch that crashed before it committed.
     */
    public void deletePartial(String path) throws IOException {
        if (!path.contains(".p/")) {
            throw new IllegalArgumentException(path + " is a full tile; full tiles are never removed");
        }
        Path target = resolve(path);
        if (Files.deleteIfExists(target)) {
            syncDirectory(target.getParent());
        }
    }

    private Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || path.isEmpty()) {
            throw new IllegalArgumentException("tile path " + path + " leaves the store");
        }
        return resolved;
    }

    private static void link(String path, Path temp, Path target, byte[] content) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            byte[] existing = Files.readAllBytes(target);
            if (!Arrays.equals(existing, content)) {
                throw new TileConflictException(path, existing.length, content.length);
            }
        }
    }

    private static void writeAndSync(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    // A new directory entry is durable only once its parent directory is fsynced.
    private void createDirectoriesDurably(Path dir, Set<Path> dirsToSync) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectoriesDurably(dir.getParent(), dirsToSync);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // another thread created it; its parent is synced by that thread's batch too
        }
        dirsToSync.add(dir.getParent());
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
