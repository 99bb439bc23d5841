package org.truce.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ledger.SharedTestData;

/** Every transparency-dev vector under shared/testdata/merkle gives its expected outcome. */
class ProofVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> inclusionVectors() throws IOException {
        return vectors("inclusion");
    }

    static Stream<Path> consistencyVectors() throws IOException {
        return vectors("consistency");
    }

    @Test
    void allVectorFoldersAreEnumerated() throws IOException {
        Path merkle = SharedTestData.testdata("merkle");
        assertThat(inclusionVectors().map(p -> merkle.relativize(p).subpath(1, 2).toString()).distinct())
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "additional", "single-entry");
        assertThat(consistencyVectors().map(p -> merkle.relativize(p).subpath(1, 2).toString()).distinct())
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "additional");
        assertThat(inclusionVectors().count() + consistencyVectors().count()).isGreaterThan(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusion(Path file) throws IOException {
        JsonNode v = JSON.readTree(file.toFile());
        long index = v.get("leafIdx").asLong();
        long size = v.get("treeSize").asLong();
        byte[] leafHash = bytes(v.get("leafHash"));
        byte[] root = bytes(v.get("root"));
        List<byte[]> proof = proof(v.get("proof"));
        if (v.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(index, size, leafHash, proof, root))
                    .as(v.get("desc").asText())
                    .isInstanceOf(ProofException.class);
        } else {
            assertThatCode(() -> ProofVerifier.verifyInclusion(index, size, leafHash, proof, root))
                    .as(v.get("desc").asText())
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistency(Path file) throws IOException {
        JsonNode v = JSON.readTree(file.toFile());
        long size1 = v.get("size1").asLong();
        long size2 = v.get("size2").asLong();
        byte[] root1 = bytes(v.get("root1"));
        byte[] root2 = bytes(v.get("root2"));
        List<byte[]> proof = proof(v.get("proof"));
        if (v.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
                    .as(v.get("desc").asText())
                    .isInstanceOf(ProofException.class);
        } else {
            assertThatCode(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
                    .as(v.get("desc").asText())
                    .doesNotThrowAnyException();
        }
    }

    private static Stream<Path> vectors(String kind) throws IOException {
        Path root = SharedTestData.testdata("merkle", kind);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(root.relativize(p)));
        }
        return files.stream().map(root::resolve);
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> proof(JsonNode node) {
        List<byte[]> proof = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(h -> proof.add(bytes(h)));
        }
        return proof;
    }
}
