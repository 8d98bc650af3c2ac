#!/usr/bin/env bash
# Runs the entente binary on hostile inputs (issue 12), each under a 4 GB address-space limit and a time limit, and
# reports crashes (signals), hangs, and exit 0 on invalid input. Not part of `make test` (it takes minutes).
#   scripts/hostile-cli.sh [path/to/entente] [seconds per run, default 20]
# Cases marked "bad" must fail cleanly (exit 1 or 64 with one line on stderr); "any" may succeed or fail cleanly.
set -u
BIN=${1:-.build/release/entente}
LIMIT=${2:-20}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
crashes=0; hangs=0; accepted=0; total=0

w() { printf '%s' "$2" > "$DIR/$1"; }
w bos.nfg $'NFG 1 R "BoS" { "1" "2" } { 2 2 }\n""\n2 1 0 0 0 0 1 2\n'
w outcome19.nfg $'NFG 1 R "o" { "1" "2" } { 1 1 }\n{ { "x" 1, 2 } }\n1e19\n'
w pennies9.nfg $'NFG 1 R "mp" { "1" "2" } { 2 2 }\n1e9 -1e9 -1e9 1e9 -1e9 1e9 1e9 -1e9\n'
w pennies308.nfg $'NFG 1 R "mp" { "1" "2" } { 2 2 }\n1e308 -1e308 -1e308 1e308 -1e308 1e308 1e308 -1e308\n'
w w19.json '{"players": ["A", "B"], "weights": [1e19, 1]}'
w w5e18.json '{"players": ["A", "B"], "weights": [5e18, 5e18]}'
w q19.json '{"players": ["A", "B"], "weights": [1, 1], "quota": 1e19}'
w values30.json "{\"players\": [$(seq -s, -f '"P%g"' 0 29)], \"values\": []}"
w banzhaf21.json "{\"players\": [$(seq -s, -f '"P%g"' 0 20)], \"weights\": [1000000000000$(printf ',1%.0s' $(seq 20))]}"
w cap13.json '{"actors": [{"id": "A", "capability": 1e13}, {"id": "B", "capability": 1}], "distances_km": [["A", "B", 10]]}'
w cap308.json '{"actors": [{"id": "A", "capability": 1e308}, {"id": "B", "capability": 1}], "distances_km": [["A", "B", 10]]}'
w surrogate.json '{"players": ["\ud83d\ude00", "B"], "values": [0, 0, 0, 1]}'
w plus.json '{"players": ["A", "B"], "values": [0, 0, 0, +01]}'
w dot.json '{"players": ["A", "B"], "values": [0, 0, 0, .5]}'
w deep.json "$(head -c 100000 /dev/zero | tr '\0' '[')"
w milex.csv $'stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng\nAAA,1900,1e308,1,1,1,1,1,0,0\nBBB,1900,1e308,1,1,1,1,1,1,1\n'

run() {
    local kind=$1; shift
    total=$((total + 1))
    local out rc
    out=$( (ulimit -v 4000000; timeout "$LIMIT" "$BIN" "$@" 2>&1 >/dev/null) ); rc=$?
    if [ $rc -eq 124 ]; then hangs=$((hangs + 1)); echo "HANG    $*"
    elif [ $rc -ge 128 ]; then crashes=$((crashes + 1)); echo "CRASH   ($rc) $*: $(echo "$out" | grep -m1 -i 'fatal\|error')"
    elif [ "$kind" = bad ] && [ $rc -eq 0 ]; then accepted=$((accepted + 1)); echo "EXIT 0  $*"
    fi
}

run bad nash "$DIR/outcome19.nfg"
run any nash "$DIR/pennies9.nfg"
run any nash "$DIR/pennies308.nfg" --method pure
run bad nash "$DIR/bos.nfg" --method support --max-supports 0
run bad nash "$DIR/bos.nfg" --tolerance nan
run bad nash "$DIR/bos.nfg" --tolerance inf
run bad nash "$DIR/bos.nfg" --timeout=-1
run bad nash "$DIR/bos.nfg" --method lemke --label 4
run bad nash "$DIR/bos.nfg" --format gambit --method bogus
run bad coalition "$DIR/w19.json"
run bad coalition "$DIR/w5e18.json"
run bad coalition "$DIR/q19.json"
run bad coalition "$DIR/values30.json" --max-players 30
run any coalition "$DIR/banzhaf21.json" --solution banzhaf
run any coalition "$DIR/surrogate.json"
run bad coalition "$DIR/plus.json"
run bad coalition "$DIR/dot.json"
run bad coalition "$DIR/deep.json"
run bad coalition "$DIR/surrogate.json" --solution ''
run bad coalition "$DIR/surrogate.json" --format gambit
run any analyze "$DIR/cap13.json"
run any analyze "$DIR/cap308.json"
run bad analyze --nmc "$DIR/milex.csv" --year 1900
run bad analyze --format csv
run bad analyze --kappa -1
run bad analyze --states GMY,FRN
run bad analyze --svg "$DIR"
run bad dynamics --builtin europe-1890 --delta 0.9999999999999999
run bad dynamics --builtin europe-1890 --max-actors 200
run bad dynamics --builtin europe-1890 --max-coalition-size 0
run bad dynamics --builtin europe-1890 --alliance-cost 1e308
run bad dynamics --builtin europe-1890 --kappa 1e308
run bad dynamics --builtin europe-1890 --prize -1e308
run bad dynamics --builtin europe-1890 --types GMY=sq,GMY=pa
run bad sweep --builtin europe-1890 --param delta=,,
run bad sweep --builtin europe-1890 --param delta=0.8 --param delta=0.9
run bad sweep --builtin europe-1890 --shard 1//2
run bad sweep --builtin europe-1890 --param delta=0.5,0.6,0.7,0.8 --shard 1/1000000
run bad sweep --builtin europe-1890 $(for p in delta kappa lambda prize exit epsilon accuracy; do printf -- '--param %s=%s ' $p "$(seq -s, 0.5 0.0005 0.9995)"; done)

echo "$total runs: $crashes crashes, $hangs hangs, $accepted invalid inputs accepted"
[ $crashes -eq 0 ] && [ $hangs -eq 0 ] && [ $accepted -eq 0 ]
