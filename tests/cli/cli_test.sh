#!/usr/bin/env bash
# The carevoice command line, end to end: help, errors on stderr with a non-zero exit (each refusal's reason
# checked there), user management, import refusing a bad file whole, --skip-invalid, ratings (borderline CCG
# ratings, --compare) and buddy output.
# Usage: cli_test.sh PATH/TO/carevoice
set -uo pipefail
CV=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="sqlite:$WORK/cv.db"
passed=0
failed=0

check() {  # description, expected exit code, command...; what it printed in $OUT, its stderr alone in $ERR
  local what=$1 want=$2
  shift 2
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local rc=$?
  ERR=$(<"$WORK/stderr")
  OUT=$(cat "$WORK/stdout" "$WORK/stderr")
  if [[ $rc -eq $want ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what (exit $rc, wanted $want)"
    echo "$OUT" | head -20
  fi
}
contains() {  # description, needle: somewhere in what the command printed
  if grep -qF -- "$2" <<<"$OUT"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: no '$2' in:"; echo "$OUT" | head -20; fi
}
refused_with() {  # description, needle: the reason a refused command gives, on stderr
  if grep -qF -- "$2" <<<"$ERR"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: no '$2' on stderr:"; echo "$ERR" | head -20; fi
}

check "help" 0 "$CV" --help
contains "help lists serve" "serve"
check "every command has help" 0 "$CV" import cpes-results --help
check "no command is an error" 2 "$CV"
refused_with "no command says what to do" "carevoice --help"

check "migrate" 0 "$CV" migrate --db "$DB"
contains "migrate reports" "Applied 0001_platform"
check "migrate twice is a no-op" 0 "$CV" migrate --db "$DB"
contains "up to date" "up to date"

check "add admin" 0 "$CV" user add ann.admin --name "Ann Admin" --role admin --db "$DB"
contains "first password printed" "First password:"
check "bad role" 1 "$CV" user add bob --name "Bob" --role boss --db "$DB"
refused_with "bad role explained" "Choose one of: admin, analyst, facilitator, member, coordinator"
check "duplicate username" 1 "$CV" user add ann.admin --name "Ann Again" --role member --db "$DB"
refused_with "duplicate explained" "already taken"
check "password from stdin" 0 bash -c "echo 'a-long-enough-password' | '$CV' user add cat.member --name 'Cat Member' --role member --password-stdin --db '$DB'"
check "set role" 0 "$CV" user set-role cat.member analyst --db "$DB"
check "unknown user" 1 "$CV" user disable nobody --db "$DB"
refused_with "unknown user explained" "carevoice user list"
check "cannot disable the only admin" 1 "$CV" user disable ann.admin --db "$DB"
refused_with "last admin explained" "only active administrator"
check "list" 0 "$CV" user list --db "$DB"
contains "list shows role" "cat.member"

HEADER="level,org_code,org_name,cancer_alliance,year,kind,sex,imd_quintile,tumour_group,question,n,score,ci_lower,ci_upper,expected_lower,expected_upper,rating,change_2017_2018,change_all_years"
{
  echo "$HEADER"
  echo "Trust,RA9,Torbay,Peninsula,2018,adjusted,Both,All,All Cancers,Q1,120,80,72.1,86.0,70.5,85.5,within,,"
  echo "Trust,RA9,Torbay,Peninsula,2018,adjusted,Both,All,All Cancers,Q2,12O,80,,,,,,,"
} > "$WORK/bad.csv"
check "bad file refused" 1 "$CV" import cpes-results "$WORK/bad.csv" --db "$DB"
refused_with "names line and column" "line 3, column n: '12O' is not a number of respondents"
refused_with "says nothing imported" "Nothing was imported"
check "skip invalid" 0 "$CV" import cpes-results "$WORK/bad.csv" --skip-invalid --rejected-out "$WORK/rejected.csv" --db "$DB"
contains "skip reports" "Skipped 1 invalid lines"
if grep -q '^3,n,' "$WORK/rejected.csv"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: rejected.csv lacks line 3"; fi
check "missing file" 1 "$CV" import cpes-results "$WORK/none.csv" --db "$DB"
refused_with "missing file named" "none.csv"
head -c 3145728 /dev/zero | gzip -c > "$WORK/zeros.csv.gz"  # 3 MB once unpacked
check "gzip past the limit refused" 1 "$CV" import cpes-results "$WORK/zeros.csv.gz" --max-unpacked-mb 1 --db "$DB"
refused_with "limit named" "unpacks to more than 1 MB, the limit"
refused_with "how to raise it" "--max-unpacked-mb"
check "limit from the environment" 1 env CAREVOICE_MAX_UNPACKED_MB=1 "$CV" import cpes-results "$WORK/zeros.csv.gz" --db "$DB"
refused_with "environment limit named" "unpacks to more than 1 MB, the limit"
check "limit of zero refused" 2 "$CV" import cpes-results "$WORK/zeros.csv.gz" --max-unpacked-mb 0 --db "$DB"
check "ratings for a year without data" 1 "$CV" ratings --year 2011 --db "$DB"
refused_with "no data explained" "import the published results first"
check "bad format" 2 "$CV" ratings --year 2018 --format xml --db "$DB"
refused_with "bad format named" "--format: xml not in {csv,json}"
# Three published 2018 CCG results for Q1. Blackburn with Darwen's 84% equals its published upper limit (84):
# the rounded figures cannot say which side the unrounded score fell, so the rating is borderline.
{
  echo "$HEADER"
  echo "CCG,00C,NHS Darlington CCG,North East and Cumbria,2018,adjusted,Both,All,All Cancers,Q1,90,80,70,87,69,86,within,,"
  echo "CCG,00J,NHS North Durham CCG,North East and Cumbria,2018,adjusted,Both,All,All Cancers,Q1,321,80,75,84,73,82,within,,"
  echo "CCG,00Q,NHS Blackburn with Darwen CCG,Lancashire and South Cumbria,2018,adjusted,Both,All,All Cancers,Q1,147,84,77,89,71,84,within,,"
} > "$WORK/ccg.csv"
check "import ccg results" 0 "$CV" import cpes-results "$WORK/ccg.csv" --db "$DB"
check "ccg ratings" 0 "$CV" ratings --year 2018 --level ccg --db "$DB"
contains "borderline columns" ",parameters,borderline,borderline_limit"
if grep -q '^00Q,.*,fitted,true,8[34]\.' <<<"$OUT"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: 00Q not borderline"; echo "$OUT"; fi
if grep -q '^00J,.*,fitted,false,' <<<"$OUT"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: 00J borderline"; echo "$OUT"; fi
check "ccg ratings compared" 0 "$CV" ratings --year 2018 --level ccg --compare --db "$DB"
contains "ranges reproduced" "expected ranges equal to the published after rounding: 3 of 3"
contains "one tie" "ties (published score equal to a published limit): 1"
contains "untied agree" "ratings agreeing where not tied: 2 of 2"
contains "borderline shown" "shown as borderline: 1"
check "bad database URL" 1 "$CV" migrate --db "mysql://x"
refused_with "bad URL explained" "use sqlite:PATH or postgresql://"

# SPC: 11 points around 11.5, then 30. Mean 155/12 = 12.917; moving ranges 2,1,2,3,2,1,2,3,2,1,19 have mean
# 38/11 = 3.455, and 19 > 3.267 x 3.455 = 11.29 is left out, so the mean moving range is 19/10 = 1.9 and the
# upper limit 12.917 + 2.66 x 1.9 = 17.97: the last point is beyond it.
{
  echo "date,value"
  i=1
  for v in 10 12 11 13 10 12 11 13 10 12 11 30; do printf '2024-%02d-01,%s\n' "$i" "$v"; i=$((i + 1)); done
} > "$WORK/measure.csv"
check "spc csv" 0 "$CV" spc "$WORK/measure.csv" --better higher --target 20
contains "spc header" "date,value,segment,mean,lower_limit,upper_limit"
if grep -q '^2024-12-01,30,.*,upper,' <<<"$OUT"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: last point not flagged beyond the upper limit"; echo "$OUT" | tail -2; fi
contains "upper limit 17.97" ",17.97"
check "spc json" 0 "$CV" spc "$WORK/measure.csv" --better higher --format json
contains "json icon" '"variation_icon": "improvement_high"'
check "spc rebase on a date without a point" 1 "$CV" spc "$WORK/measure.csv" --rebase 2024-06-15
refused_with "spc rebase date named" "rebase 2024-06-15: is not the date of any point"
check "spc bad value" 1 bash -c "printf 'date,value\n2024-01-01,ten\n' > '$WORK/bad_measure.csv'; '$CV' spc '$WORK/bad_measure.csv'"
refused_with "spc names line" "line 2"

echo "cli: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
