#!/usr/bin/env bash
# tests/architecture/include_rules.sh SOURCE_DIR
#
# Dependencies point downwards only (docs/architecture.md). CMake enforces that for libraries a target
# links, but a header-only library (httplib, nlohmann json) or a header of a higher layer escapes the link
# check, so this test reads the #include lines themselves:
#   - domain libraries (core, experience, improvement, partnership, pathway) include no HTTP, SQL, JSON,
#     crypto or rendering header, and nothing from store/, app/, demo/, web/ or cli/;
#   - app/ (application services shared by the web server and the command line) includes nothing from
#     web/ or cli/ and no HTTP header;
#   - store/ includes nothing from app/, demo/, web/ or cli/.
# Prints every offending line as FILE:LINE: and exits 1 if there is one.
set -euo pipefail
src="${1:?usage: include_rules.sh SOURCE_DIR}/src"

domain_forbidden='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](httplib\.h|nlohmann/|sqlite3\.h|libpq-fe\.h|postgresql/|sodium|cmark|xlsxwriter|store/|app/|demo/|web/|cli/)'
app_forbidden='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](httplib\.h|web/|cli/)'
store_forbidden='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](httplib\.h|app/|demo/|web/|cli/)'

failed=0
check() {  # check RULE_NAME REGEX DIR...
    local name=$1 regex=$2
    shift 2
    local dir hits
    for dir in "$@"; do
        [[ -d "$src/$dir" ]] || { echo "include_rules: $src/$dir is missing" >&2; failed=1; continue; }
        hits=$(grep -rnE --include='*.cpp' --include='*.hpp' "$regex" "$src/$dir" || true)
        if [[ -n "$hits" ]]; then
            echo "$name: these includes break the layering (docs/architecture.md):"
            echo "$hits"
            failed=1
        fi
    done
}
check "domain library" "$domain_forbidden" core experience improvement partnership pathway
check "application service" "$app_forbidden" app
check "store" "$store_forbidden" store

if ((failed)); then exit 1; fi
echo "include rules: domain libraries, app and store include nothing above them"
