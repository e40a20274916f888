#!/usr/bin/env bash
# Provisions the Temporal time-skipping test server for @temporalio/testing, from Maven
# Central instead of the SDK's own download (which needs internet access we don't have).
#
#   tools/setup/test-server.sh
#
# Result, in the git-ignored folder .tools/temporal-test-server/:
#   lib/                      io.temporal:temporal-test-server and its runtime jars
#   bin/temporal-test-server  launcher; give it to the SDK as an 'existing-path' executable
#   cds/                      AppCDS archive: JVM start-up ~0.4 s instead of ~1 s (best effort)
#   .stamp                    what was provisioned; when it still matches, this script does nothing
#
# Needs java (tested with 17 and 25) and mvn. JAVA_HOME is honoured, as in the launcher.
# Idempotent and safe to run concurrently. Progress goes to stderr; stdout stays empty.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
POM="$ROOT/tools/setup/test-server/pom.xml"
DEST="$ROOT/.tools/temporal-test-server"
LAUNCHER="$DEST/bin/temporal-test-server"
MAIN_CLASS=io.temporal.testserver.TestServer

# The version lives in the pom; read it from there so the two cannot drift apart.
VERSION="$(sed -n '/<artifactId>temporal-test-server<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$POM")"
[[ -n "$VERSION" ]] || { echo "Rhythm setup: cannot read the temporal-test-server version from $POM" >&2; exit 1; }

# JVM flags, used both for the launcher and for recording the start-up archive (an archive is
# only used by a JVM started with compatible flags). Why each one is there: see the launcher.
JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)

# Shell functions shared by this script and the generated launcher (POSIX sh, so the launcher can
# run under /bin/sh). pick_java: $JAVA_HOME/bin/java if set, else java from PATH.
# jdk_id: identifies the JDK (home + exact runtime version); the archive only works with that JDK.
SHARED_FUNCTIONS='pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
}
jdk_id() {
  jdk_bin=$(command -v "$1" 2>/dev/null) || return 0
  jdk_bin=$(readlink -f "$jdk_bin" 2>/dev/null || printf %s "$jdk_bin")
  jdk_home=${jdk_bin%/bin/java}
  printf "%s %s" "$jdk_home" "$(sed -n "s/^JAVA_RUNTIME_VERSION=//p" "$jdk_home/release" 2>/dev/null)"
}'
eval "$SHARED_FUNCTIONS"

say() { echo "Rhythm setup: $*" >&2; }

pick_java
JDK_ID="$(jdk_id "$java")"
POM_SUM="$(cksum <"$POM")"
# First four lines of the stamp: what a complete install must match. Line five records the archive.
# Editing this script (launcher text, JVM flags) redoes the launcher and archive, not the download.
EXPECTED_STAMP="temporal-test-server $VERSION
pom $POM_SUM
setup $(cksum <"${BASH_SOURCE[0]}")
jdk $JDK_ID"

is_current() {
  [[ -x "$LAUNCHER" && -f "$DEST/.stamp" ]] && [[ "$(head -n 4 "$DEST/.stamp")" == "$EXPECTED_STAMP" ]]
}

is_current && exit 0

mkdir -p "$DEST"
# Serialise concurrent runs (e.g. parallel test targets); the winner provisions, the rest re-check.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DEST/.lock"
  flock 9
  is_current && exit 0
fi

# The jars only need fetching when the version or pom changed; a new JDK only needs a new archive.
LIB_KEY="temporal-test-server $VERSION
pom $POM_SUM"
need_lib=1
if [[ -f "$DEST/lib/.key" && "$(cat "$DEST/lib/.key")" == "$LIB_KEY" ]]; then need_lib=0; fi

missing=() packages=()
if ! command -v "$java" >/dev/null 2>&1; then
  missing+=("java (JDK/JRE 17+; JAVA_HOME is honoured)") packages+=(openjdk-17-jre-headless)
fi
if ((need_lib)) && ! command -v mvn >/dev/null 2>&1; then missing+=("mvn (Apache Maven)") packages+=(maven); fi
if ((${#missing[@]})); then
  joined="$(printf '%s and ' "${missing[@]}")"
  say "cannot provision the Temporal test server: missing ${joined% and }; install with 'sudo apt-get install ${packages[*]}' (or your OS's equivalent) and re-run."
  exit 1
fi

rm -f "$DEST/.stamp"

# 1. Jars: fetch into a fresh folder, then swap it in, so an interrupted run leaves no half-filled lib/.
if ((need_lib)); then
  say "fetching the Temporal test server $VERSION from Maven Central (first time only)…"
  rm -rf "$DEST/lib.new" "$DEST/lib.old" "$DEST/cds"
  # Maven 3.8 prints stray colour resets ("ESC[0m") even with -q -B; drop them, keep real messages.
  if ! mvn -B -q -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$DEST/lib.new" -DincludeScope=runtime 2>&1 |
    sed "s/$(printf '\033')\\[0m//g" >&2; then
    rm -rf "$DEST/lib.new"
    say "mvn could not fetch io.temporal:temporal-test-server:$VERSION (see above); is Maven Central reachable?"
    exit 1
  fi
  [[ -f "$DEST/lib.new/temporal-test-server-$VERSION.jar" ]] || {
    say "mvn finished but temporal-test-server-$VERSION.jar is not in $DEST/lib.new"
    exit 1
  }
  printf '%s\n' "$LIB_KEY" >"$DEST/lib.new/.key"
  if [[ -d "$DEST/lib" ]]; then mv "$DEST/lib" "$DEST/lib.old"; fi
  mv "$DEST/lib.new" "$DEST/lib"
  rm -rf "$DEST/lib.old"
fi

# 2. Launcher.
mkdir -p "$DEST/bin"
cat >"$LAUNCHER.new" <<LAUNCHER
#!/bin/sh
# Temporal time-skipping test server (io.temporal:temporal-test-server $VERSION, Maven Central).
# Generated by tools/setup/test-server.sh: edit that script, not this file.
#
# @temporalio/testing runs '<this file> <port>', then, for about 5 seconds, checks every 100 ms
# whether the server answers gRPC GetSystemInfo, and SIGKILLs this pid at teardown. Hence 'exec':
# java must *be* this pid, or the kill would hit the shell, leave java running, and keep
# env.teardown() waiting for the server's stdout/stderr pipes to close.
#
# Start-up measurements, 2 cores, JDK 17.0.15; 'busy' = 2 CPU-burning processes alongside.
# Raw: medians of 7-15 launches, exec until the port accepts TCP / answers GetSystemInfo:
#   no flags                                idle  940 / 1105 ms   busy 2120 / 2440 ms (max 3955)
#   -XX:TieredStopAtLevel=1                 idle  790 /  930 ms
#   -XX:+UseSerialGC, -Xss256k, -XX:-UsePerfData, each alone: idle 925-945 / 1105-1150 ms (no gain)
#   TieredStopAtLevel=1 + UseSerialGC       idle  740 /  880 ms   busy 1720 / 1920 ms
#   AppCDS archive alone                    idle  380 /  445 ms   busy  720 /  850 ms
#   this launcher (flags below + AppCDS)    idle  330 /  385 ms   busy  965 / 1130 ms (max 1300)
# Through the SDK, TestWorkflowEnvironment.createTimeSkipping(), medians of 10, interleaved:
#                         no flags            TieredStop+Serial+PerfData   this launcher
#   idle                  2090 ms             1490 ms                      600 ms
#   2 CPU hogs            2420 ms             2030 ms                      845 ms
#   4 CPU hogs            3540 ms, 7/10 fail  5900 ms, 6/10 fail           2385 ms, 0/10 fail
#   ('fail' = "did not start within 5s"; without the archive a busy machine is not safe.)
# - -XX:SharedArchiveFile (AppCDS, ../cds): most of the gain. ~2,800 classes come parsed and
#   verified from the archive instead of 39 jars; only ~25 are still read from jars. Recorded by
#   the setup script (start, first requests, graceful stop with -XX:ArchiveClassesAtExit). Used only
#   when present and made by this JDK for this folder; otherwise the server starts without it
#   (about 1 s) and says how to refresh it.
# - -XX:TieredStopAtLevel=1: C1 only; no C2 compiler threads competing for the 2 cores during
#   start-up. A test server never lives long enough to profit from C2. Saves 60-170 ms.
# - -XX:+UseSerialGC: small heap, short life; one GC thread instead of G1's set. Same start-up
#   time within noise, tighter worst case when the machine is busy. Recorded with the archive.
# - -XX:-UsePerfData: no hsperfdata file in /tmp, which a SIGKILLed JVM would leave behind.
# Not used: -Xss256k (no measurable effect, and a smaller stack risks StackOverflowError).
# Extra JVM options (e.g. -Xmx256m) can be passed in TEMPORAL_TEST_SERVER_JAVA_OPTS.
set -eu
$SHARED_FUNCTIONS
self=\$(readlink -f "\$0" 2>/dev/null || printf %s "\$0")
here=\${self%/bin/*}
if [ ! -f "\$here/lib/temporal-test-server-$VERSION.jar" ]; then
  echo "temporal-test-server: \$here/lib is incomplete; run tools/setup/test-server.sh" >&2
  exit 1
fi
pick_java
archive="\$here/cds/temporal-test-server.jsa"
if [ -f "\$archive" ] && [ -f "\$here/cds/key" ]; then
  read -r want <"\$here/cds/key" || true
  if [ "\$want" = "\$(jdk_id "\$java") \$here" ]; then
    # shellcheck disable=SC2086 # TEMPORAL_TEST_SERVER_JAVA_OPTS is a list of options
    exec "\$java" ${JVM_FLAGS[*]} -XX:SharedArchiveFile="\$archive" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} \\
      -cp "\$here/lib/*" $MAIN_CLASS "\$@"
  fi
  echo "temporal-test-server: start-up archive made for another JDK or folder, starting without it (slower); run tools/setup/test-server.sh to refresh it" >&2
fi
# shellcheck disable=SC2086
exec "\$java" ${JVM_FLAGS[*]} \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} -cp "\$here/lib/*" $MAIN_CLASS "\$@"
LAUNCHER
chmod +x "$LAUNCHER.new"
mv "$LAUNCHER.new" "$LAUNCHER"

# 3. Start-up archive (AppCDS). Best effort: without it the server still starts, only slower.
cds_status=no
pid="" # the recording server; never leave it running, even on Ctrl-C (background jobs ignore SIGINT)
trap 'if [[ -n "$pid" ]]; then kill -KILL "$pid" 2>/dev/null || true; fi' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
make_archive() {
  local tmp="$DEST/cds.new/temporal-test-server.jsa" log="$DEST/cds.new/record.log"
  local port attempt i up
  rm -rf "$DEST/cds" "$DEST/cds.new"
  mkdir -p "$DEST/cds.new"
  for attempt in 1 2 3; do
    # A port nobody listens on; if the server still cannot bind it, it exits and we try another.
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    "$java" "${JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$tmp" -cp "$DEST/lib/*" "$MAIN_CLASS" "$port" \
      </dev/null >"$log" 2>&1 9>&- &
    pid=$!
    up=0
    for ((i = 0; i < 600; i++)); do # up to 60 s, for slow or busy machines
      if ! kill -0 "$pid" 2>/dev/null; then break; fi
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=1; break; fi
      sleep 0.1
    done
    ((up)) && break
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  done
  [[ -n "$pid" ]] || return 1
  # Exercise the first requests the SDK makes, so their classes are archived too.
  if command -v curl >/dev/null 2>&1; then
    local rpc
    for rpc in workflowservice.v1.WorkflowService/GetSystemInfo testservice.v1.TestService/GetCurrentTime; do
      printf '\0\0\0\0\0' | curl -s --max-time 10 --http2-prior-knowledge -H 'content-type: application/grpc' \
        -H 'te: trailers' --data-binary @- -o /dev/null "http://127.0.0.1:$port/temporal.api.$rpc" || true
    done
  fi
  # Graceful stop: the JVM writes the archive on its way out.
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
    return 1 # a half-written archive would crash the JVM that maps it
  fi
  wait "$pid" 2>/dev/null || true
  pid=""
  [[ -s "$tmp" ]] || return 1
  # Must load cleanly with exactly the launcher's flags and class path.
  "$java" "${JVM_FLAGS[@]}" -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$DEST/lib/*" -version \
    >>"$log" 2>&1 || return 1
  printf '%s %s\n' "$JDK_ID" "$DEST" >"$DEST/cds.new/key"
  mv "$DEST/cds.new" "$DEST/cds"
}
say "recording a start-up archive for the test server (a few seconds)…"
if make_archive; then
  cds_status=yes
else
  say "could not record the start-up archive (log: $DEST/cds.new/record.log); the test server still works, it just starts in ~1 s instead of ~0.4 s."
fi

printf '%s\ncds %s\n' "$EXPECTED_STAMP" "$cds_status" >"$DEST/.stamp"
say "Temporal test server $VERSION ready: $LAUNCHER"
