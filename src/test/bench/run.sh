#!/usr/bin/env bash
# Runs one benchmark main class from src/test/java/io/taskvault/bench on the test classpath.
# Usage: src/test/bench/run.sh FoundationBenchmark [args...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
name="$1"; shift
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "io.taskvault.bench.$name" "$@"
