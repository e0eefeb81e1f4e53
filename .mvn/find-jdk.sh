# Picks a JDK 21+ for the build (sourced by ./mvnw, .ci/run and ./portal; POSIX sh).
# Honours JAVA_HOME when it is 21+; otherwise looks under /usr/lib/jvm and /opt/java, newest first.
# Sets and exports JAVA_HOME, or prints what to install and returns 1.

bc_java_major() {
  # $1: a java executable; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

bc_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(bc_java_major "$JAVA_HOME/bin/java")
    if [ "${v:-0}" -ge 21 ]; then export JAVA_HOME; return 0; fi
    echo "JAVA_HOME=$JAVA_HOME is Java ${v:-unknown}; looking for a JDK 21 or newer instead." >&2
  fi
  best=""; best_v=0
  case $- in *f*) bc_noglob=1; set +f ;; *) bc_noglob=0 ;; esac
  for d in /usr/lib/jvm/* /opt/java/* "${HOME:-/root}"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(bc_java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ "$bc_noglob" = 1 ] && set -f
  if [ -n "$best" ]; then
    JAVA_HOME="$best"; export JAVA_HOME; return 0
  fi
  echo "No JDK 21 or newer found (JAVA_HOME is '${JAVA_HOME-}', nothing 21+ under /usr/lib/jvm)." >&2
  echo "Install one (apt-get install openjdk-21-jdk, or Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
