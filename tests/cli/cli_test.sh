#!/usr/bin/env bash
# The carevoice command line, end to end: help, errors on stderr with a non-zero exit, user
# management, import refusing a bad file whole, --skip-invalid, ratings and buddy output.
# Usage: cli_test.sh PATH/TO/carevoice
set -uo pipefail
CV=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="sqlite:$WORK/cv.db"
passed=0
failed=0

check() {  # description, expected exit code, command...; output in $OUT
  local what=$1 want=$2
  shift 2
  OUT=$("$@" 2>&1)
  local rc=$?
  if [[ $rc -eq $want ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what (exit $rc, wanted $want)"
    echo "$OUT" | head -20
  fi
}
contains() {  # description, needle
  if grep -qF -- "$2" <<<"$OUT"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: no '$2' in:"; echo "$OUT" | head -20; fi
}

check "help" 0 "$CV" --help
contains "help lists serve" "serve"
check "every command has help" 0 "$CV" import cpes-results --help
check "no command is an error" 2 "$CV"
contains "no command says what to do" "carevoice --help"

check "migrate" 0 "$CV" migrate --db "$DB"
contains "migrate reports" "Applied 0001_platform"
check "migrate twice is a no-op" 0 "$CV" migrate --db "$DB"
contains "up to date" "up to date"

check "add admin" 0 "$CV" user add ann.admin --name "Ann Admin" --role admin --db "$DB"
contains "first password printed" "First password:"
check "bad role" 1 "$CV" user add bob --name "Bob" --role boss --db "$DB"
contains "bad role explained" "Choose one of: admin, analyst, facilitator, member, coordinator"
check "duplicate username" 1 "$CV" user add ann.admin --name "Ann Again" --role member --db "$DB"
contains "duplicate explained" "already taken"
check "password from stdin" 0 bash -c "echo 'a-long-enough-password' | '$CV' user add cat.member --name 'Cat Member' --role member --password-stdin --db '$DB'"
check "set role" 0 "$CV" user set-role cat.member analyst --db "$DB"
check "unknown user" 1 "$CV" user disable nobody --db "$DB"
contains "unknown user explained" "carevoice user list"
check "cannot disable the only admin" 1 "$CV" user disable ann.admin --db "$DB"
contains "last admin explained" "only active administrator"
check "list" 0 "$CV" user list --db "$DB"
contains "list shows role" "cat.member"

HEADER="level,org_code,org_name,cancer_alliance,year,kind,sex,imd_quintile,tumour_group,question,n,score,ci_lower,ci_upper,expected_lower,expected_upper,rating,change_2017_2018,change_all_years"
{
  echo "$HEADER"
  echo "Trust,RA9,Torbay,Peninsula,2018,adjusted,Both,All,All Cancers,Q1,120,80,72.1,86.0,70.5,85.5,within,,"
  echo "Trust,RA9,Torbay,Peninsula,2018,adjusted,Both,All,All Cancers,Q2,12O,80,,,,,,,"
} > "$WORK/bad.csv"
check "bad file refused" 1 "$CV" import cpes-results "$WORK/bad.csv" --db "$DB"
contains "names line and column" "line 3, column n: '12O' is not a number of respondents"
contains "says nothing imported" "Nothing was imported"
check "skip invalid" 0 "$CV" import cpes-results "$WORK/bad.csv" --skip-invalid --rejected-out "$WORK/rejected.csv" --db "$DB"
contains "skip reports" "Skipped 1 invalid lines"
if grep -q '^3,n,' "$WORK/rejected.csv"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: rejected.csv lacks line 3"; fi
check "missing file" 1 "$CV" import cpes-results "$WORK/none.csv" --db "$DB"
contains "missing file named" "none.csv"
check "ratings for a year without data" 1 "$CV" ratings --year 2011 --db "$DB"
contains "explains" "import the published results first"
check "bad format" 2 "$CV" ratings --year 2018 --format xml --db "$DB"
check "bad database URL" 1 "$CV" migrate --db "mysql://x"
contains "bad URL explained" "use sqlite:PATH or postgresql://"

echo "cli: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
