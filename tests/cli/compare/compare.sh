#!/usr/bin/env bash
# Runs every command line of a list (default: commands.txt next to this script) with two ccteam
# binaries and compares stdout, stderr, exit code and the files written, as is and with
# --lang de. Prints one line per difference and a count; exit 1 when anything differs.
#   tests/cli/compare/compare.sh OLD_BINARY NEW_BINARY [LIST]
# Run from the repository root (the command lines use paths relative to it). A line of the list
# may use @OUT@ for a fresh folder of its own, whose files are compared too.
set -u
old=$1 new=$2
list=${3:-$(dirname "$0")/commands.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The plan that `simulate --plan` reads, written by the old binary.
"$old" plan tests/data/forecasts/small-30min.csv --sl 80/20 --format json \
  -o tests/cli/compare/plan.json >/dev/null 2>&1
run() {  # binary side args...
  local bin=$1 side=$2; shift 2
  local out="$work/$side"
  rm -rf "$out"; mkdir -p "$out/files"
  local args=()
  for a in "$@"; do args+=("${a//@OUT@/$out/files}"); done
  env -u LC_ALL -u LC_MESSAGES LANG=C CCTEAM_PSEUDONYM_KEY=compare "$bin" "${args[@]}" \
    >"$out/stdout" 2>"$out/stderr" </dev/null
  echo $? >"$out/exit"
  # A workbook records when it was written (docProps/core.xml): compare its other parts.
  local x
  for x in "$out"/files/*.xlsx; do
    [[ -f "$x" ]] || continue
    mkdir -p "$x.parts" && (cd "$x.parts" && unzip -q "$x" && rm -f docProps/core.xml)
    rm -f "$x"
  done
  # The folder name differs between the sides only by old/new: make the texts comparable.
  sed -i "s|$out/files|@OUT@|g" "$out/stdout" "$out/stderr"
}
same=0 differ=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  read -ra words <<<"$line"
  for extra in "" "--lang de"; do
    read -ra more <<<"$extra"
    run "$old" old "${words[@]}" "${more[@]}"
    run "$new" new "${words[@]}" "${more[@]}"
    if diff -r "$work/old" "$work/new" >"$work/diff" 2>&1; then
      same=$((same + 1))
    else
      differ=$((differ + 1))
      echo "DIFFERS: ccteam $line $extra"
      sed 's/^/    /' "$work/diff" | head -n 20
    fi
  done
done <"$list"
rm -f tests/cli/compare/plan.json
echo "$same command lines identical, $differ differ"
[[ $differ -eq 0 ]]
