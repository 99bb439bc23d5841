package org.truce.ledger.merkle;

/** Receives each node a {@link CompactRange} completes while leaves are appended. */
@FunctionalInterface
public interface NodeVisitor {

    /** Called once per completed node (level, index) with its hash; must not modify the hash. */
    void visit(int level, long index, byte[] hash);
}
