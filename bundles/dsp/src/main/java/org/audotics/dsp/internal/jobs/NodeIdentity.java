package org.audotics.dsp.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This node's id, kept in its data folder so it survives restarts: after a restart the node recognises
 * the jobs it was running and puts them back in the queue.
 */
final class NodeIdentity {

    private NodeIdentity() {
    }

    static String of(Path dataFolder) {
        Path file = dataFolder.resolve("audotics").resolve("node-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
