package dev.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A small text file replaced atomically: written to {@code <name>.tmp}, fsynced, then renamed over the
 * old one, so a crash leaves either the old or the new content, never a mix. Kafka's checkpoint layout:
 * a version line, a count line, then one entry per line. Not thread-safe; owners serialize writes.
 */
final class CheckpointFile {
    static final int VERSION = 0;
    private final Path file;

    CheckpointFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void write(List<String> entries) {
        StringBuilder text = new StringBuilder().append(VERSION).append('\n').append(entries.size()).append('\n');
        entries.forEach(e -> text.append(e).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            FileIo.writeFully(ch, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
        } catch (IOException e) {
            throw new LogStorageException("Cannot write checkpoint " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LogStorageException("Cannot replace checkpoint " + file, e);
        }
    }

    /**
     * The entry lines, or empty if the file does not exist.
     *
     * @throws LogStorageException naming the file when the version or count does not match
     */
    Optional<List<String>> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogStorageException("Cannot read checkpoint " + file, e);
        }
        if (lines.size() < 2 || !lines.get(0).trim().equals(String.valueOf(VERSION))) {
            throw new LogStorageException("Checkpoint " + file + " has no version " + VERSION + " header");
        }
        int count;
        try {
            count = Integer.parseInt(lines.get(1).trim());
        } catch (NumberFormatException e) {
            throw new LogStorageException("Checkpoint " + file + " has a bad count line '" + lines.get(1) + "'", e);
        }
        List<String> entries = lines.subList(2, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        if (entries.size() != count) {
            throw new LogStorageException("Checkpoint " + file + " declares " + count + " entries but has " + entries.size());
        }
        return Optional.of(entries);
    }
}
