#!/usr/bin/env bash
# The frozen day (issue 14, "Done when ... on the frozen build too"): the FROZEN panel reads the fake 千牛
# 接待中心 by sight on Xvfb + openbox and starts a buyer's round by itself.
#   tools/frozen_day.sh [FROZEN]      (default dist/desktop-assistant/desktop-assistant)
# Calibrates with the frozen CLI, turns sight on, starts the frozen panel and the fake (test code, run with
# the system python3: tests/e2e/fake_workbench.py), makes the buyer write, and checks with the frozen
# `conversations export -` that a `sight` round started for that buyer. Exit 0 when it did; everything it
# started is stopped on the way out. Needs Xvfb, openbox, xdotool and PySide6 for python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FROZEN=${1:-dist/desktop-assistant/desktop-assistant}
TIMEOUT=60  # seconds for each wait; the OCR loads in ~3 s, a poll is 0.5 s
BUYER="小熊爱吃鱼2023"  # the conversation the fake opens with (fake_workbench.FIRST_BUYERS[0])

fail() {
    printf 'frozen day FAILED: %s\n' "$*" >&2
    [ -n "${base:-}" ] && [ -f "$base/logs/desktop_assistant.log" ] && tail -n 20 "$base/logs/desktop_assistant.log" >&2
    exit 1
}
[ -x "$FROZEN" ] || fail "$FROZEN is not built"

xvfb_pid=""; openbox_pid=""; panel_pid=""; fake_pid=""; base=""; home=""
stop_all() {
    if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
    if [ -n "$panel_pid" ]; then kill "$panel_pid" 2>/dev/null || true; wait "$panel_pid" 2>/dev/null || true; fi
    for pid in "$openbox_pid" "$xvfb_pid"; do
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    [ -n "$home" ] && rm -rf "$home"
    [ -n "$base" ] && rm -rf "$base"
    return 0
}
trap stop_all EXIT
t_start=$(date +%s%N)

display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$display_file" ] && break; sleep 0.1; done
[ -s "$display_file" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$display_file")"
rm -f "$display_file"
home=$(mktemp -d)
base=$(mktemp -d)
export HOME="$home"
unset QT_QPA_PLATFORM
openbox --sm-disable >/dev/null 2>&1 &
openbox_pid=$!
log="$base/logs/desktop_assistant.log"
wait_log() {  # wait_log TEXT: a line of the panel's log holds TEXT
    for _ in $(seq $((TIMEOUT * 10))); do
        grep -qF -- "$1" "$log" 2>/dev/null && return 0
        kill -0 "$panel_pid" 2>/dev/null || fail "the frozen panel exited"
        sleep 0.1
    done
    fail "no '$1' in the panel's log within $TIMEOUT s"
}

# 1. calibrate once and turn sight on, with the frozen CLI (the fake's layout, in client-area pixels)
regions=$(python3 -c 'import sys; sys.path.insert(0, "tests/e2e"); import fake_workbench as f
print(" ".join(",".join(map(str, r)) for r in (f.LIST_REGION, f.HEADER_REGION, f.MESSAGES_REGION)))')
read -r list header messages <<<"$regions"
"$FROZEN" --basedir "$base" reader calibrate 千牛 --list "$list" --header "$header" --messages "$messages" \
    </dev/null >/dev/null || fail "frozen reader calibrate failed"
"$FROZEN" --basedir "$base" config set reader.sight true </dev/null >/dev/null || fail "frozen config set failed"

# 2. the frozen panel, then the fake 接待中心, in front
"$FROZEN" --basedir "$base" </dev/null >/dev/null 2>"$base/panel.err" &
panel_pid=$!
wait_log "global hotkeys active"
coproc FAKE { exec python3 tests/e2e/fake_workbench.py 2>"$base/fake.err"; }
fake_pid=$FAKE_PID
fake_in=${FAKE[1]}; fake_out=${FAKE[0]}
read -r -t "$TIMEOUT" ready <&"$fake_out" || fail "the fake 接待中心 did not start: $(cat "$base/fake.err")"
window=$(sed -n 's/.*"window": \([0-9]*\).*/\1/p' <<<"$ready")
[ -n "$window" ] || fail "the fake did not say its window: $ready"
xdotool windowactivate --sync "$window" >/dev/null 2>&1 || true
wait_log "reader live: 千牛 sight"
wait_log "active conversation: $BUYER"

# 3. the buyer writes; the frozen panel starts the round by sight
echo "buyer $BUYER 你好，这个有货吗" >&"$fake_in"
read -r -t "$TIMEOUT" done_line <&"$fake_out" || fail "the fake did not draw the message"
wait_log "conversation $BUYER: buyer_wrote (sight)"
exported=$("$FROZEN" --basedir "$base" conversations export - </dev/null) || fail "frozen conversations export failed"
grep -q ",$BUYER,buyer,.*,sight" <<<"$exported" || fail "no sight round for $BUYER in the export: $exported"

# 4. quit everything; the panel must stop cleanly on SIGTERM
echo quit >&"$fake_in"
wait "$fake_pid" 2>/dev/null || true; fake_pid=""
kill "$panel_pid"
set +e; wait "$panel_pid"; status=$?; set -e
panel_pid=""
[ "$status" -eq 0 ] || fail "the frozen panel exited with $status on SIGTERM: $(cat "$base/panel.err")"
t_end=$(date +%s%N)
printf '%s\n' "$exported"
awk -v ns="$((t_end - t_start))" \
    'BEGIN { printf "frozen day passed in %.1f s: a sight round started for the buyer\n", ns / 1e9 }'
