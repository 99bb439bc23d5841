package org.truce.server.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.truce.ledger.tiles.TileNotFoundException;
import org.truce.ledger.tiles.TileSource;

/**
 * A log's tiles read from a directory and never written: unlike {@code TileStore}, opening it
 * creates nothing, so auditing a data directory leaves it exactly as it was.
 */
final class DirectoryTileSource implements TileSource {
  private final Path root;

  DirectoryTileSource(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public byte[] read(String path) throws IOException {
    Path file = root.resolve(path).normalize();
    if (path.isEmpty() || !file.startsWith(root)) {
      throw new IllegalArgumentException("tile path " + path + " leaves " + root);
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TileNotFoundException(path);
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
