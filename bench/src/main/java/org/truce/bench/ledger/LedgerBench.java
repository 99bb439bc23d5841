package org.truce.bench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.truce.ledger.merkle.ProofVerifier;
import org.truce.ledger.merkle.Proofs;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.sequencer.FileLogStateStore;
import org.truce.ledger.sequencer.Sequencer;
import org.truce.ledger.sequencer.SequencerConfig;
import org.truce.ledger.tiles.TileAppender;
import org.truce.ledger.tiles.TileNodeReader;
import org.truce.ledger.tiles.TileStore;

/**
 * Ledger benchmarks, hand-written harness with warm-up (see docs/PERFORMANCE.md, "Ledger"):
 * raw SHA-256 throughput as the ceiling, durable sequencing throughput against it, and proof
 * generation and verification latencies at 1M and 10M entries.
 *
 * <p>Options: {@code --entries N} (sequenced durably, default 1,000,000), {@code --big N} (the proof
 * tree, default 10,000,000), {@code --entry-bytes N} (default 128), {@code --batch N} (default
 * 1024), {@code --delay-ms N} (default 5), {@code --proofs N} (timed proofs per size, default
 * 100,000), {@code --dir PATH} (default a new temporary directory, deleted at the end).
 */
public final class LedgerBench {

    private final long entries;
    private final long big;
    private final int entryBytes;
    private final int batch;
    private final int delayMs;
    private final int proofs;
    private final Path dir;
    private final boolean deleteDir;

    private LedgerBench(Map<String, String> options) throws IOException {
        entries = Long.parseLong(options.getOrDefault("entries", "1000000"));
        big = Long.parseLong(options.getOrDefault("big", "10000000"));
        entryBytes = Integer.parseInt(options.getOrDefault("entry-bytes", "128"));
        batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        delayMs = Integer.parseInt(options.getOrDefault("delay-ms", "5"));
        proofs = Integer.parseInt(options.getOrDefault("proofs", "100000"));
        deleteDir = !options.containsKey("dir");
        dir = deleteDir ? Files.createTempDirectory("truce-ledger-bench") : Path.of(options.get("dir"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LedgerBench(options).run();
    }

    private void run() throws Exception {
        System.out.printf("machine: %d cores, %s %s, Java %s, heap %d MiB, dir %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, dir);
        try {
            double nodeHashes = rawHashesPerSecond(64);
            double leafHashes = rawHashesPerSecond(entryBytes);
            // Sequencing costs one leaf hash and, amortised, one node hash per entry.
            double ceiling = 1 / (1 / nodeHashes + 1 / leafHashes);
            System.out.printf("raw SHA-256: %,.0f hashes/s of 65 bytes, %,.0f hashes/s of %d bytes -> ceiling %,.0f entries/s%n",
                    nodeHashes, leafHashes, entryBytes + 1, ceiling);

            Path small = dir.resolve("sequenced");
            double rate = sequenceDurably(small);
            System.out.printf("durable sequencing: %,.0f entries/s = %.3f of the hashing ceiling%n", rate, rate / ceiling);

            TileStore smallTiles = new TileStore(small.resolve("log"));
            proofLatencies(String.format("%,d (the sequenced log)", entries), smallTiles, entries);

            report("checkpoint verification (Ed25519)", CheckpointVerification.measure(20_000));

            Path bigDir = dir.resolve("big");
            buildTreeFast(new TileStore(bigDir), big);
            proofLatencies(String.format("%,d (bulk-built tiles)", big), new TileStore(bigDir), big);
        } finally {
            if (deleteDir) {
                deleteRecursively(dir);
            }
        }
    }

    private static double rawHashesPerSecond(int inputBytes) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] input = new byte[inputBytes + 1];
        long sink = 0;
        for (int round = 0; round < 3; round++) { // rounds 0-1 warm up the JIT
            long n = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.MILLISECONDS.toNanos(1000);
            long now;
            do {
                for (int i = 0; i < 10_000; i++) {
                    digest.update(input);
                    byte[] out = digest.digest();
                    input[1] = out[0];
                }
                n += 10_000;
                now = System.nanoTime();
            } while (now < end);
            if (round == 2) {
                sink += input[1];
                return n / ((now - start) / 1e9) + (sink == Long.MIN_VALUE ? 1 : 0);
            }
        }
        throw new AssertionError();
    }

    private double sequenceDurably(Path where) throws Exception {
        Files.createDirectories(where);
        TileStore tiles = new TileStore(where.resolve("log"));
        FileLogStateStore state = new FileLogStateStore(where.resolve("state"));
        SequencerConfig config = SequencerConfig.defaults()
                .withMaxBatchSize(batch)
                .withMaxBatchDelay(java.time.Duration.ofMillis(delayMs))
                .withQueueCapacity(Math.max(batch * 4, 65_536));
        AtomicLong batches = new AtomicLong();
        SplittableRandom random = new SplittableRandom(1);
        byte[] template = new byte[entryBytes];
        random.nextBytes(template);
        long start;
        long elapsed;
        try (Sequencer sequencer = Sequencer.start(tiles, state, config, (size, root) -> batches.incrementAndGet())) {
            start = System.nanoTime();
            CompletableFuture<Long> last = null;
            for (long i = 0; i < entries; i++) {
                byte[] entry = template.clone();
                for (int b = 0; b < 8; b++) {
                    entry[b] = (byte) (i >>> (8 * b));
                }
                last = sequencer.submit(entry);
            }
            last.get(10, TimeUnit.MINUTES);
            elapsed = System.nanoTime() - start;
        }
        System.out.printf("sequenced %,d entries of %d bytes in %.2f s, %,d batches (mean %.0f entries), "
                        + "config batch<=%d delay<=%d ms; every batch: tiles fsynced + dirs fsynced + state fsynced before ack%n",
                entries, entryBytes, elapsed / 1e9, batches.get(), (double) entries / batches.get(), batch, delayMs);
        if (state.current().size() != entries) {
            throw new AssertionError("state size " + state.current().size());
        }
        return entries / (elapsed / 1e9);
    }

    // The proof tree needs only hash tiles: append in large chunks and write files without fsync.
    private static void buildTreeFast(TileStore tiles, long size) throws IOException {
        long start = System.nanoTime();
        TileAppender appender = TileAppender.empty();
        int chunk = 1 << 16;
        List<byte[]> entries = new ArrayList<>(chunk);
        for (long i = 0; i < size; ) {
            entries.clear();
            for (int j = 0; j < chunk && i < size; j++, i++) {
                entries.add(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            for (Map.Entry<String, byte[]> file : appender.append(entries).entrySet()) {
                if (file.getKey().startsWith("tile/entries/")) {
                    continue;
                }
                Path path = tiles.root().resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        }
        System.out.printf("built hash tiles of %,d leaves in %.1f s (no fsync, no entry bundles: setup only)%n",
                size, (System.nanoTime() - start) / 1e9);
    }

    private void proofLatencies(String label, TileStore tiles, long size) throws Exception {
        TileNodeReader reader = new TileNodeReader(tiles, size, 1024);
        byte[] root = Proofs.root(reader, size);
        SplittableRandom random = new SplittableRandom(42);
        int warmup = Math.min(proofs, 20_000);

        long[] inclusion = new long[proofs];
        long[] inclusionVerify = new long[proofs];
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? warmup : proofs;
            for (int i = 0; i < n; i++) {
                long index = random.nextLong(size);
                long t0 = System.nanoTime();
                List<byte[]> proof = Proofs.inclusion(reader, index, size);
                long t1 = System.nanoTime();
                byte[] leaf = reader.node(0, index);
                long t2 = System.nanoTime();
                ProofVerifier.verifyInclusion(index, size, leaf, proof, root);
                long t3 = System.nanoTime();
                if (round == 1) {
                    inclusion[i] = t1 - t0;
                    inclusionVerify[i] = t3 - t2;
                }
            }
        }
        int consistencyRuns = Math.max(1, proofs / 10);
        long[] consistency = new long[consistencyRuns];
        long[] consistencyVerify = new long[consistencyRuns];
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? Math.min(consistencyRuns, 2000) : consistencyRuns;
            for (int i = 0; i < n; i++) {
                long size1 = 1 + random.nextLong(size - 1);
                byte[] root1 = Proofs.root(reader, size1);
                long t0 = System.nanoTime();
                List<byte[]> proof = Proofs.consistency(reader, size1, size);
                long t1 = System.nanoTime();
                ProofVerifier.verifyConsistency(size1, size, root1, root, proof);
                long t2 = System.nanoTime();
                if (round == 1) {
                    consistency[i] = t1 - t0;
                    consistencyVerify[i] = t2 - t1;
                }
            }
        }
        System.out.printf("at %s leaves, random leaves, 1024-tile cache:%n", label);
        report("  inclusion proof generation", inclusion);
        report("  inclusion proof verification", inclusionVerify);
        report("  consistency proof generation", consistency);
        report("  consistency proof verification", consistencyVerify);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s n=%,7d  p50 %7.1f us  p99 %7.1f us  p99.9 %7.1f us  max %8.1f us%n", what, sorted.length,
                at(sorted, 0.50) / 1e3, at(sorted, 0.99) / 1e3, at(sorted, 0.999) / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
