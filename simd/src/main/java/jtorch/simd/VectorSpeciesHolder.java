package jtorch.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float and double species every vector kernel uses, fixed once per JVM as {@code static final}
 * constants so C2 folds them. Only vector classes touch this class.
 */
final class VectorSpeciesHolder {
    static final VectorSpecies<Float> F;
    static final VectorSpecies<Double> D;

    static {
        String bits = System.getProperty("jtorch.simd.vectorBits");
        if (bits == null || bits.isBlank()) {
            F = FloatVector.SPECIES_PREFERRED;
            D = DoubleVector.SPECIES_PREFERRED;
        } else {
            VectorShape shape;
            try {
                shape = VectorShape.forBitSize(Integer.parseInt(bits.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "jtorch.simd.vectorBits must be 64, 128, 256 or 512, got '" + bits + "'", e);
            }
            F = FloatVector.SPECIES_PREFERRED.withShape(shape);
            D = DoubleVector.SPECIES_PREFERRED.withShape(shape);
        }
    }

    private VectorSpeciesHolder() {}

    static int bits() {
        return F.vectorBitSize();
    }
}
