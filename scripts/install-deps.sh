#!/usr/bin/env bash
# Installs everything carevoice needs to build, run and test on Debian 12, and nothing else.
# Idempotent: packages already present are skipped, so a second run takes a second or two.
# Usage: scripts/install-deps.sh            (as root, or with sudo available)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, and what each is for (see README.md, "Dependencies").
PACKAGES=(
  build-essential cmake pkg-config ccache clang-format   # compiler, build system, formatting
  libcli11-dev                   # command line parsing
  libsqlite3-dev sqlite3         # embedded database engine (and its shell, for support)
  libpq-dev postgresql-15        # PostgreSQL client library; server for the storage tests
  libsodium-dev                  # Argon2id password hashing, random tokens, HMAC
  libcpp-httplib-dev             # HTTP server (and client in tests)
  libkainjow-mustache-dev        # auto-escaping HTML templates
  nlohmann-json3-dev             # JSON for the API
  libfmt-dev                     # formatting
  libxlsxwriter-dev              # XLSX downloads
  libcmark-dev                   # Markdown (CommonMark) of meeting minutes, rendered safely
  zlib1g-dev                     # .csv.gz input
  libgtest-dev                   # unit, storage and HTTP tests
  libbenchmark-dev wrk nginx-light  # benchmarks: Google Benchmark, HTTP load, the nginx peer
  r-base-core                    # R, for independent cross-checks of the statistics
  python3                        # free-port helper in scripts, benchmark peer
  nodejs npm chromium            # NHS.UK frontend assets; browser tests (playwright-core drives Debian's Chromium)
)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ "$p" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# nodejs may come from another Debian-compatible repository that also provides npm.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))

if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, pinned by package-lock.json: nhsuk-frontend (styles, scripts, icons), and for the
# browser tests playwright-core (drives /usr/bin/chromium; downloads no browser) and axe-core.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.carevoice-lock; then
  echo "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.carevoice-lock
fi
