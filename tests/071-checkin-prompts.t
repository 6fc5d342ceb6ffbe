#!/bin/sh
# add at a terminal: an empty low is an answer, EOF cancels, Ctrl-C stores nothing,
# a second check-in is refused before anything is typed; the low may be empty.
. "${0%/*}/lib.sh"

count() { if [ -e "$EMPATHY_DB" ]; then sql 'select count(*) from checkin'; else echo 0; fi; }
EOT=$(printf '\004')
ETX=$(printf '\003')

drive 'empathy-checkin add' 'high of your day' 'a walk by the river
' 'low of your day' '
'
same   'an empty low at the prompt is an answer (no double free)'	"$S" 0
unlike 'no crash report'	"$O" 'double free|Sanitizer|Aborted'
like   'it checks in'	"$O" 'checked in for'
same   'stored with no low'	"$(sql "select high, '[' || low || ']' from checkin")" 'a walk by the river|[]'
ok     'show'	empathy-checkin show
like   'show says there was no low'	"$(out)" '^    low   \(none\)$'
ok     'show -f tsv'	empathy-checkin show -f tsv
same   'tsv: the low is empty'	"$(out | sed -n 2p | cut -f 6-8)" "$(printf 'a walk by the river\t\t0')"
ok     'show -f json'	empathy-checkin show -f json
like   'json: the low is null'	"$(out)" '"high":"a walk by the river","low":null'
ok     'export'	empathy-checkin export
like   'export carries an empty low'	"$(out)" '"low":""'
out >"$T/export"
ok     'import takes it back'	empathy-checkin -d "$T/other.db" import <"$T/export"
same   'with its empty low'	"$(sqlite3 "$T/other.db" "select '[' || low || ']' from checkin")" '[]'

# A second check-in is refused before a word is typed.
drive 'empathy-checkin add' 'high of your day' 'lost words
' 'low of your day' 'more lost words
'
same   'a second check-in at a terminal is refused (65)'	"$S" 65
unlike 'before the high is asked for'	"$O" 'high of your day'
like   'it says how to replace it'	"$O" 'already checked in for .*--replace'
drive 'empathy-checkin add --replace' 'high of your day' 'a new high
' 'low of your day' 'a new low
'
same   '--replace asks and stores'	"$S:$(sql 'select high, low from checkin')" '0:a new high|a new low'

status 'a second check-in from options is refused too'	65 empathy-checkin add --high x --low y
same   'the refusal fits 80 columns'	"$(err | awk 'length > 80' | wc -l)" 0

# EOF and Ctrl-C at each prompt: cancelled, nothing stored, no crash.
drive 'empathy-checkin -u alex add' 'high of your day' "$EOT"
same   'EOF at the high: cancelled (1)'	"$S" 1
like   'it says so'	"$O" 'cancelled; nothing was stored'
drive 'empathy-checkin -u alex add' 'high of your day' 'a high
' 'low of your day' "$EOT"
same   'EOF at the low: cancelled (1), no double free'	"$S" 1
unlike 'no crash report'	"$O" 'double free|Sanitizer|Aborted'
like   'it says so'	"$O" 'cancelled; nothing was stored'
drive 'empathy-checkin -u alex add' 'high of your day' 'a high
' 'low of your day' "$ETX"
same   'Ctrl-C at the low: SIGINT'	"$S" 130
same   'nothing was stored by alex'	"$(count)" 1
drive 'empathy-checkin -u alex add' 'high of your day' '
' 'an answer is needed' "$EOT"
same   'an empty high asks again; EOF then cancels'	"$S" 1
like   'it said how to stop'	"$O" 'Ctrl-D cancels'
same   'still nothing stored by alex'	"$(count)" 1

# From stdin and options: an empty line 2 or --low '' is no low.
printf 'a good lunch\n\n' >"$T/in"
ok     'stdin with an empty line 2'	empathy-checkin -u alex add --date -1 <"$T/in"
same   'is stored with no low'	"$(sql "select '[' || low || ']' from checkin where user = 'alex'")" '[]'
printf 'only a high\n' >"$T/in"
status 'stdin with one line is still refused'	65 empathy-checkin -u alex add <"$T/in"
like   'it says an empty line 2 means none'	"$(err)" 'line 2\) is missing.*empty line 2'
ok     "--low ''"	empathy-checkin -u alex add --high 'tea' --low ''
same   'is stored with no low'	"$(sql "select '[' || low || ']' from checkin where user = 'alex' and high = 'tea'")" '[]'
status "--high '' is refused"	65 empathy-checkin -u alex add --date -3 --high '' --low 'x'
