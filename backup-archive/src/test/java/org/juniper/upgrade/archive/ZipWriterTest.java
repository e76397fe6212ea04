package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives deflated block by block on several threads read back the same with both of the JDK's zip readers. */
class ZipWriterTest {
    @TempDir
    Path folder;

    @Test
    void entriesOfEverySizeAroundABlockReadBackByteForByte() throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("manifest.json", "{\"version\":\"17.0\"}".getBytes(StandardCharsets.UTF_8));
        contents.put("empty", new byte[0]);
        contents.put("dump.sql", dumpLike(ZipWriter.BLOCK * 3 + 12_345));
        contents.put("exactly-a-block", dumpLike(ZipWriter.BLOCK));
        contents.put("a-block-and-one", dumpLike(ZipWriter.BLOCK + 1));
        byte[] random = new byte[ZipWriter.BLOCK * 2 + 7];
        new Random(3).nextBytes(random);
        contents.put("filestore/ab/abcdef", random);
        contents.put("filestore/é/ünïcode", dumpLike(100));

        Path archive = write(contents);

        assertEquals(contents.keySet().stream().toList(), streamed(archive).keySet().stream().toList());
        streamed(archive).forEach((name, bytes) -> assertArrayEquals(contents.get(name), bytes, name));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                ZipEntry found = zip.getEntry(entry.getKey());
                assertEquals(entry.getValue().length, found.getSize(), entry.getKey());
                try (InputStream in = zip.getInputStream(found)) {
                    assertArrayEquals(entry.getValue(), in.readAllBytes(), entry.getKey());
                }
            }
        }
    }

    @Test
    void theSameContentGivesTheSameArchive() throws IOException {
        Map<String, byte[]> contents = Map.of("dump.sql", dumpLike(ZipWriter.BLOCK * 5 + 3));
        assertArrayEquals(Files.readAllBytes(write(contents)), Files.readAllBytes(write(contents)));
    }

    @Test
    void moreEntriesThanAZipWithoutZip64CanCount() throws IOException {
        Path archive = folder.resolve("many.zip");
        int count = 70_000;
        try (OutputStream file = Files.newOutputStream(archive)) {
            ZipWriter zip = new ZipWriter(file, 1);
            for (int i = 0; i < count; i++) {
                try (OutputStream entry = zip.entry("filestore/" + i)) {
                    entry.write(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                }
            }
            zip.finish();
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertEquals(count, zip.size());
            try (InputStream in = zip.getInputStream(zip.getEntry("filestore/69999"))) {
                assertEquals("69999", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(count, streamedNames(archive).size());
    }

    @Test
    void anEntryLargerThan4GiBIsReadBackWhole() throws IOException {
        Path archive = folder.resolve("large.zip");
        long size = (4L << 30) + 3 * ZipWriter.BLOCK + 5;
        byte[] line = "1\tinvoice line\t42.00\t\\N\n".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[line.length * 40_000];
        for (int i = 0; i < chunk.length; i += line.length) {
            System.arraycopy(line, 0, chunk, i, line.length);
        }
        try (OutputStream file = Files.newOutputStream(archive)) {
            ZipWriter zip = new ZipWriter(file, 1);
            try (OutputStream entry = zip.entry("dump.sql")) {
                for (long written = 0; written < size; written += chunk.length) {
                    entry.write(chunk, 0, (int) Math.min(chunk.length, size - written));
                }
            }
            try (OutputStream entry = zip.entry("after")) {
                entry.write(1);
            }
            zip.finish();
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertEquals(size, zip.getEntry("dump.sql").getSize());
            try (InputStream in = zip.getInputStream(zip.getEntry("after"))) {
                assertEquals(1, in.read());
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            assertEquals("dump.sql", in.getNextEntry().getName());
            assertEquals(size, in.transferTo(OutputStream.nullOutputStream()));
            assertEquals("after", in.getNextEntry().getName());
        }
    }

    private Path write(Map<String, byte[]> contents) throws IOException {
        Path archive = Files.createTempFile(folder, "archive", ".zip");
        try (OutputStream file = Files.newOutputStream(archive)) {
            ZipWriter zip = new ZipWriter(file, 1);
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                try (OutputStream out = zip.entry(entry.getKey())) {
                    // in uneven writes, as a dump arrives
                    byte[] bytes = entry.getValue();
                    for (int i = 0; i < bytes.length; i += 70_001) {
                        out.write(bytes, i, Math.min(70_001, bytes.length - i));
                    }
                }
            }
            zip.finish();
        }
        return archive;
    }

    private static Map<String, byte[]> streamed(Path archive) throws IOException {
        Map<String, byte[]> read = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                read.put(entry.getName(), in.readAllBytes());
            }
        }
        return read;
    }

    private static List<String> streamedNames(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Rows as pg_dump writes them: compressible, and different from block to block. */
    private static byte[] dumpLike(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        Random random = new Random(size);
        for (int row = 0; out.size() < size; row++) {
            out.writeBytes((row + "\tpartner " + random.nextInt(10_000) + "\t" + random.nextInt(1000) + ".00\t\\N\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        return java.util.Arrays.copyOf(bytes, size);
    }
}
