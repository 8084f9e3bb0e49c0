# Shared by the bench scripts: a JDK >= 25 in JAVA_HOME, and the benchmarks jar (built when missing or stale).
java_home=${JAVA_HOME:-}
if [ -z "$java_home" ] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  java_home=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME=$java_home
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# bench_classpath CLASS: prints the class path holding jtorch.bench.CLASS (JTORCH_BENCH_CLASSPATH overrides).
bench_classpath() {
  if [ -n "${JTORCH_BENCH_CLASSPATH:-}" ]; then
    echo "$JTORCH_BENCH_CLASSPATH"
    return
  fi
  local jar="$root/bench/target/benchmarks.jar"
  if [ ! -f "$jar" ] || ! "$JAVA_HOME/bin/jar" tf "$jar" | grep -q "jtorch/bench/$1.class" \
      || [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o -name '*.java' -newer "$jar" -print -quit)" ]; then
    echo "# building $jar" >&2
    (cd "$root" && mvn -B -q -ntp -pl bench -am package -DskipTests >&2)
  fi
  echo "$jar"
}

# bench_rounds [DEFAULT]: how many times a compare script alternates jtorch and its peer (BENCH_ROUNDS, else
# DEFAULT, else 3). Both sides swing 10-25% between processes here, so one round decides a ratio near its target by
# chance; the scripts report each side's median over the rounds and the spread of the per-round ratios.
bench_rounds() {
  local r=${BENCH_ROUNDS:-${1:-3}}
  if ! [[ "$r" =~ ^[1-9][0-9]*$ ]]; then
    echo "bench: BENCH_ROUNDS must be a positive integer, got '$r'" >&2
    exit 2
  fi
  echo "$r"
}
