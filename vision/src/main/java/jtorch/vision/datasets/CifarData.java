package jtorch.vision.datasets;

/**
 * Decoded CIFAR records: {@code images} holds {@code n} images of 3 x 32 x 32 bytes in the files' CHW
 * order (red plane, green, blue; each row-major), {@code labels} the class of each (the fine label for
 * CIFAR-100), {@code coarseLabels} CIFAR-100's superclass or null.
 */
record CifarData(byte[] images, int[] labels, int[] coarseLabels) {
    static final int IMAGE_BYTES = 3 * 32 * 32;

    int size() {
        return labels.length;
    }

    /** Concatenates batches in order. */
    static CifarData concat(java.util.List<CifarData> parts) {
        int n = 0;
        boolean coarse = !parts.isEmpty() && parts.get(0).coarseLabels() != null;
        for (CifarData p : parts) {
            n += p.size();
        }
        byte[] images = new byte[Math.multiplyExact(n, IMAGE_BYTES)];
        int[] labels = new int[n];
        int[] coarseLabels = coarse ? new int[n] : null;
        int at = 0;
        for (CifarData p : parts) {
            System.arraycopy(p.images(), 0, images, at * IMAGE_BYTES, p.size() * IMAGE_BYTES);
            System.arraycopy(p.labels(), 0, labels, at, p.size());
            if (coarse) {
                System.arraycopy(p.coarseLabels(), 0, coarseLabels, at, p.size());
            }
            at += p.size();
        }
        return new CifarData(images, labels, coarseLabels);
    }
}
