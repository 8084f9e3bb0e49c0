package jtorch.io;

/**
 * One entry of a zip archive, validated against the file: its bytes are {@code [dataOffset, dataOffset +
 * compressedSize)}, {@code method} is 0 (stored) or 8 (deflate), and {@code size} is what they expand to.
 */
public record ZipRecord(String name, int method, int crc, long compressedSize, long size, long dataOffset) {}
