package jtorch.bench;

/**
 * The collector and heap layout {@code ./jtorch} runs with ({@code JTORCH_JVM_FLAGS} in the launcher), for
 * JMH's forks: without them a fork gets the JVM's defaults (G1), and its figures describe a JVM users do not
 * run. The README's "Heap" section says why these flags and what they were measured against. Constants,
 * because {@code @Fork(jvmArgsAppend)} takes only constant expressions.
 */
final class LauncherFlags {
    static final String COLLECTOR = "-XX:+UseParallelGC";
    /** Generations keep their initial sizes instead of growing with the allocation rate. */
    static final String FIXED_GENERATIONS = "-XX:-UseAdaptiveSizePolicy";
    static final String NEW_RATIO = "-XX:NewRatio=1";
    static final String SURVIVOR_RATIO = "-XX:SurvivorRatio=4";

    private LauncherFlags() {
    }
}
