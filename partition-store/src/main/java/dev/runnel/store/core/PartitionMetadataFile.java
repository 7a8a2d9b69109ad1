package dev.runnel.store.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code partition.metadata} in a partition folder: the id of the topic the replica belongs to, so a
 * topic deleted and recreated under the same name is recognised and its old data dropped.
 *
 * <p>Layout (text, as Kafka's file of the same name): {@code version: 0\ntopic_id: <uuid>\n}.
 * Written to a temporary file and renamed, so a crash leaves the old file or the new one. A missing or
 * unreadable file means "id unknown": the next metadata adopts the replica instead of deleting it.
 * Not thread-safe: called from the metadata queue only.
 */
public final class PartitionMetadataFile {
    static final String FILE_NAME = "partition.metadata";
    private static final String ID_PREFIX = "topic_id: ";

    private PartitionMetadataFile() {
    }

    public static Optional<UUID> read(Path partitionDir) {
        Path file = partitionDir.resolve(FILE_NAME);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(ID_PREFIX))
                    .map(line -> UUID.fromString(line.substring(ID_PREFIX.length()).trim()))
                    .findFirst();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    public static void write(Path partitionDir, UUID topicId) throws IOException {
        Path tmp = partitionDir.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, "version: 0\n" + ID_PREFIX + topicId + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, partitionDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
