package org.truce.ledger.note;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared test vectors: the {@code truce.shared.dir} system property (set by
 * surefire), else a {@code shared} directory beside one of the ancestors of {@code user.dir}.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The path of {@code relative} under {@code shared/testdata}. */
    public static Path testdata(String relative) {
        return sharedDir().resolve("testdata").resolve(relative);
    }

    static Path sharedDir() {
        String property = System.getProperty("truce.shared.dir");
        if (property != null && Files.isDirectory(Paths.get(property, "testdata"))) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path sibling = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(sibling.resolve("testdata"))) {
                return sibling;
            }
        }
        throw new IllegalStateException("shared test data not found: set -Dtruce.shared.dir");
    }
}
