#!/usr/bin/env bash
# tests/architecture/include_rules_selftest.sh SOURCE_DIR
# Shows include_rules.sh can fail: plants one forbidden include at a time in a copy of the tree's
# headers and expects a refusal naming the file.
set -euo pipefail
root="${1:?usage: include_rules_selftest.sh SOURCE_DIR}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

plant() {  # plant DIR INCLUDE
    rm -rf "$tmp/src"
    mkdir -p "$tmp/src"
    for d in core experience improvement partnership pathway store app; do mkdir -p "$tmp/src/$d"; done
    printf '#pragma once\n#include %s\n' "$2" > "$tmp/src/$1/planted.hpp"
    if out=$(bash "$root/tests/architecture/include_rules.sh" "$tmp" 2>&1); then
        echo "FAIL: include_rules.sh accepted #include $2 in src/$1"
        exit 1
    fi
    grep -q "src/$1/planted.hpp:2:" <<<"$out" || { echo "FAIL: the refusal does not name the file: $out"; exit 1; }
}
plant experience '<httplib.h>'
plant partnership '<nlohmann/json.hpp>'
plant pathway '"store/sql.hpp"'
plant core '<sqlite3.h>'
plant improvement '"web/http/app.hpp"'
plant app '"web/http/context.hpp"'
plant store '"app/accounts.hpp"'
# And a clean tree passes.
rm -f "$tmp"/src/*/planted.hpp
bash "$root/tests/architecture/include_rules.sh" "$tmp" >/dev/null
echo "include rules self-test: 7 planted violations refused, a clean tree accepted"
