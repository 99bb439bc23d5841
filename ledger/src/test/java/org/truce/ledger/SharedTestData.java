package org.truce.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test data: the {@code truce.shared.dir} property, else a {@code shared} sibling up the tree. */
public final class SharedTestData {

    private SharedTestData() {}

    public static Path dir() {
        String configured = System.getProperty("truce.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "testdata"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("testdata"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared test data: set -Dtruce.shared.dir or put shared/ beside the project");
    }

    public static Path testdata(String first, String... more) {
        return dir().resolve("testdata").resolve(Path.of(first, more));
    }
}
