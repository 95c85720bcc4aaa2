package io.runbookbot.alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Whole-file writes that a crash cannot tear: the bytes go to a temporary file in the same folder,
 * are forced to disk, the file is renamed over its final name (atomic on one file system) and the
 * folder is forced so the rename itself is durable. A crash leaves either the old file or the new
 * one, plus at worst a {@code .tmp} file that {@link #isLeftover} recognises.
 */
final class DurableFiles {
    static final String TMP_SUFFIX = ".tmp";

    private DurableFiles() {}

    static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(file.getParent());
    }

    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceFolder(file.getParent());
        }
    }

    /** Makes the folder's entries (creations, renames, deletions) durable. */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** A temporary file a crash left behind: never renamed, so never acknowledged to anyone. */
    static boolean isLeftover(Path file) {
        return file.getFileName().toString().endsWith(TMP_SUFFIX);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
