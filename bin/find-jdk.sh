# Sourced by ./mvnw and ./wasidl: sets WASIDL_JAVA_HOME to a JDK whose feature version is >= 25,
# or prints one line saying what to install and exits 1.
wasidl_java_feature() { # $1 = a java binary; prints its feature version (e.g. 25) or nothing
  # The JDK's release file says it without starting a JVM (70 ms on every ./wasidl and ./mvnw);
  # asking the JVM is the fallback for a JDK without one.
  local release v
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
wasidl_find_jdk() {
  local need=25 c v
  for c in "${WASIDL_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(wasidl_java_feature "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$need" ]; then WASIDL_JAVA_HOME=$c; export WASIDL_JAVA_HOME; return 0; fi
  done
  echo "wasidl needs a JDK $need or newer: install one (e.g. Temurin $need, apt-get install temurin-$need-jdk) or set JAVA_HOME to it." >&2
  exit 1
}
wasidl_find_jdk
