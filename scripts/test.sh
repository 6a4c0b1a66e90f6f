#!/usr/bin/env bash
# The whole test suite: formatting, lints, the unit tests of every crate and the integration
# tests, against the embedded SQLite and a throwaway PostgreSQL server (started and removed by
# scripts/with-postgres.sh); then the browser tests of the web pages (scripts/e2e.sh).
#
# On a fresh machine it installs what the tests need first (PostgreSQL, pdftotext and LibreOffice
# Writer for the document tests, Chromium and a font from Debian's packages, when run as root);
# otherwise it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_pkgs+=(postgresql)
command -v psql >/dev/null || need_pkgs+=(postgresql-client)
command -v pdftotext >/dev/null || need_pkgs+=(poppler-utils)
command -v soffice >/dev/null || need_pkgs+=(libreoffice-writer-nogui)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_pkgs+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_pkgs+=(fonts-dejavu-core)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${need_pkgs[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  else
    echo "test.sh: missing ${need_pkgs[*]}: install with 'sudo apt-get install ${need_pkgs[*]}'" >&2
    exit 2
  fi
fi

echo "== cargo fmt --check" >&2
cargo fmt --all -- --check
echo "== cargo clippy" >&2
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test (SQLite and PostgreSQL)" >&2
scripts/with-postgres.sh cargo test --workspace --locked
echo "== browser tests (scripts/e2e.sh)" >&2
scripts/e2e.sh
