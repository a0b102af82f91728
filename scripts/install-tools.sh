#!/usr/bin/env bash
# Installs the outside RDF tools the tests check handcar's output with (independent of rdflib):
#   rapper/roqet (Debian raptor2-utils, rasqal-utils), Apache Jena 4.5 command classes (Debian
#   libapache-jena-java, plus a fix for its packaging bug), Virtuoso 7 (Debian), jsonld.js and
#   rdf-validate-shacl (npm, pinned by scripts/node/package-lock.json, into tools/node) and the
#   Oxigraph server binary (PyPI `oxigraph`, into .venv); headless Chromium (Debian `chromium`)
#   for the fact-check page's screenshot test.
# Idempotent and quiet: does nothing slow when everything is already there; one line per tool.
# Usage: scripts/install-tools.sh        (needs root, or sudo, only when a Debian package is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/tools
START=$EPOCHREALTIME
OXIGRAPH_SPEC=${OXIGRAPH_SPEC:-oxigraph>=0.5,<0.6}

say() { printf '%-10s %s\n' "$1" "${*:2}"; }
die() { printf 'install-tools: %s\n' "$*" >&2; exit 1; }
pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# --- 1. Debian packages -------------------------------------------------------------------------
apt_pkgs=(raptor2-utils rasqal-utils libapache-jena-java virtuoso-opensource chromium)
command -v java >/dev/null 2>&1 || apt_pkgs+=(default-jre-headless)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
missing=()
for p in "${apt_pkgs[@]}"; do pkg_installed "$p" || missing+=("$p"); done
if ((${#missing[@]})); then
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
        SUDO=(sudo)
    fi
    log=$(mktemp)
    if ! { "${SUDO[@]}" apt-get update -qq &&
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "apt-get install ${missing[*]} failed"
    fi
    rm -f "$log"
fi
was() { [[ " ${missing[*]} " == *" $1 "* ]] && echo installed || echo present; }
say rapper "raptor2-utils $(pkg_version raptor2-utils) $(was raptor2-utils): $(command -v rapper)"
say roqet "rasqal-utils $(pkg_version rasqal-utils) $(was rasqal-utils): $(command -v roqet)"
say virtuoso "virtuoso-opensource $(pkg_version virtuoso-opensource) $(was virtuoso-opensource):" \
    "$(command -v virtuoso-t) $(command -v isql-vt)"
say chromium "chromium $(pkg_version chromium) $(was chromium): $(command -v chromium)"
command -v java >/dev/null 2>&1 || die "java not found after install"
command -v node >/dev/null 2>&1 || die "node not found after install"

# --- 2. Jena: the Debian package looks its xerces message bundles up under xerces/impl/... but ships
# them under org/apache/jena/ext/xerces/impl/... inside jena-core.jar: every command dies with
# ExceptionInInitializerError (XSSimpleTypeDecl). Extract them to tools/jena-fix/xerces/impl/...;
# tests/support/tools.py puts tools/jena-fix first on the classpath.
JENA_CORE=/usr/share/java/jena-core.jar
FIX=$TOOLS/jena-fix
[ -f "$JENA_CORE" ] || die "$JENA_CORE missing (libapache-jena-java)"
stamp="$(pkg_version libapache-jena-java) $(stat -c '%s %Y' "$(readlink -f "$JENA_CORE")")"
if [ "$(cat "$FIX/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$FIX"
    mkdir -p "$FIX"
    python3 - "$JENA_CORE" "$FIX" <<'PY'
import sys
import zipfile
from pathlib import Path

jar, dest = sys.argv[1], Path(sys.argv[2])
prefix = "org/apache/jena/ext/"
wanted = (prefix + "xerces/impl/msg/", prefix + "xerces/impl/xpath/regex/")
n = 0
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if name.startswith(wanted) and name.endswith(".properties"):
            out = dest / name[len(prefix):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(name))
            n += 1
if n == 0:
    sys.exit(f"no xerces message bundles found in {jar}")
PY
    echo "$stamp" >"$FIX/.stamp"
    jena_state=installed
else
    jena_state=present
fi
say jena "libapache-jena-java $(pkg_version libapache-jena-java) $(was libapache-jena-java)," \
    "xerces fix $jena_state: $FIX"

# --- 3. Node tools, pinned by scripts/node/package-lock.json ---------------------------------------
NODE_DIR=$TOOLS/node
if ! cmp -s scripts/node/package-lock.json "$NODE_DIR/.installed-lock.json" ||
    [ ! -d "$NODE_DIR/node_modules" ]; then
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    cp scripts/node/package.json scripts/node/package-lock.json "$NODE_DIR/"
    log=$(mktemp)
    if ! npm ci --prefix "$NODE_DIR" --prefer-offline --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "npm ci in $NODE_DIR failed"
    fi
    rm -f "$log"
    cp scripts/node/package-lock.json "$NODE_DIR/.installed-lock.json"
    node_state=installed
else
    node_state=present
fi
node_ver() { sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$NODE_DIR/node_modules/$1/package.json" | head -1; }
say node "$(node --version) (npm $(npm --version 2>/dev/null)): $(command -v node)"
say jsonld "jsonld $(node_ver jsonld) $node_state: $NODE_DIR"
say shacl-js "rdf-validate-shacl $(node_ver rdf-validate-shacl), n3 $(node_ver n3) $node_state"

# --- 4. Oxigraph server binary (PyPI `oxigraph`) into the project's venv -------------------------
if [ ! -x .venv/bin/oxigraph ]; then
    [ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
    log=$(mktemp)
    if ! .venv/bin/python -m pip install -q --disable-pip-version-check "$OXIGRAPH_SPEC" \
        >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "pip install $OXIGRAPH_SPEC failed"
    fi
    rm -f "$log"
    ox_state=installed
else
    ox_state=present
fi
say oxigraph "$(.venv/bin/oxigraph --version) $ox_state: $ROOT/.venv/bin/oxigraph"

say done "in $(awk -v a="$START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
