#!/bin/sh
# add: what stdin must look like, the 64 KiB limit, and the output formats.
. "${0%/*}/lib.sh"

input() { printf '%s\n' "$@" >"$T/in"; }
count() { sql "select count(*) from checkin"; }
# A run of N copies of the letter L, no newline.
run() { head -c "$1" /dev/zero | tr '\0' "$2"; }
# The keys of a JSON object, in order, comma-separated.
keys() {
	if command -v jq >/dev/null; then
		printf '%s\n' "$1" | jq -r 'keys_unsorted | join(",")'
	else
		printf '%s\n' "$1" | grep -o '"[a-z]*":' | tr -d '":' | paste -sd, -
	fi
}

input 'Coffee in the sun' 'A tense meeting'
ok     'a first check-in, yesterday'	empathy-checkin add --date -1 <"$T/in"
same   'one row'	"$(count)" 1

status 'empty stdin is a usage error'	64 empathy-checkin add </dev/null
like   'it says what stdin should hold'	"$(err)" 'standard input'
input 'Only a high'
status 'one line only is bad input'	65 empathy-checkin add <"$T/in"
like   'it says the low is missing'	"$(err)" 'low'
printf 'A high with no newline' >"$T/in"
status 'one unterminated line is bad input'	65 empathy-checkin add <"$T/in"
like   'it says the low is missing'	"$(err)" 'low'
input 'A high' 'A low' 'And a third line'
status 'three lines are bad input'	65 empathy-checkin add <"$T/in"
like   'it says there are more than two lines'	"$(err)" 'two lines'
printf 'Caf\351 with a friend\nA low\n' >"$T/in"
status 'invalid UTF-8 is bad input'	65 empathy-checkin add <"$T/in"
like   'it says so'	"$(err)" 'UTF-8'
printf 'A high\000hidden\nA low\n' >"$T/in"
status 'a NUL byte is bad input'	65 empathy-checkin add <"$T/in"
like   'it says so'	"$(err)" 'NUL'
{ run 65537 a; printf '\nA low\n'; } >"$T/in"
status 'a high over 64 KiB on stdin is bad input'	65 empathy-checkin add <"$T/in"
like   'it names the limit'	"$(err)" '64 KiB'
status 'a high over 64 KiB in --high is bad input'	65 empathy-checkin add --high "$(run 65537 a)" --low 'A low'
like   'it names --high and the limit'	"$(err)" '--high.*64 KiB'
same   'nothing bad was stored'	"$(count)" 1

# The limit is per text: a high and a low of 40 KiB each are fine.
{ run 40960 h; echo; run 40960 l; echo; } >"$T/in"
ok     'two 40 KiB texts on stdin are accepted'	empathy-checkin add --date -2 <"$T/in"
same   'both are stored whole'	"$(sql "select length(high), length(low) from checkin where date = '$(day -2)'")" '40960|40960'

printf 'Tea with mum\r\nA parking ticket\r\n\n' >"$T/in"
ok     'CRLF lines and a trailing blank line are fine'	empathy-checkin add --date -3 <"$T/in"
same   'white space at the ends is trimmed'	"$(sql "select high || '|' || low from checkin where date = '$(day -3)'")" 'Tea with mum|A parking ticket'

# Output formats.
input 'A good lunch' 'A bad nap'
ok     'add -f tsv'	empathy-checkin -f tsv add --date -4 <"$T/in"
same   'tsv header'	"$(out | head -n 1)" "$(printf 'id\tdate\tuser\tchange')"
same   'tsv has one row'	"$(out | wc -l)" 2
same   'the row has the date, the user and the change'	"$(out | sed -n 2p | cut -f 2-)" "$(printf '%s\tsara\tadded' "$(day -4)")"
same   'the id is the stored one'	"$(out | sed -n 2p | cut -f 1)" "$(sql "select id from checkin where date = '$(day -4)'")"
ok     'add -f json'	empathy-checkin add -f json --date -5 <"$T/in"
same   'one JSON line'	"$(out | wc -l)" 1
same   'json keys are id, date, user, change'	"$(keys "$(out)")" 'id,date,user,change'
like   'json has the date, the user and the change'	"$(out)" "\"date\":\"$(day -5)\",\"user\":\"sara\",\"change\":\"added\""
ok     'add --replace -f json'	empathy-checkin add -f json --replace --date -5 --high 'A good walk' --low ''
like   'json says it replaced'	"$(out)" '"change":"replaced"\}$'
status '-f bogus is a usage error'	64 empathy-checkin -f bogus add --date -6 <"$T/in"
like   'it names the format'	"$(err)" "unknown format 'bogus'"
status '--format bogus after the command too'	64 empathy-checkin add --date -6 --format bogus <"$T/in"
same   'nothing stored for that day'	"$(sql "select count(*) from checkin where date = '$(day -6)'")" 0
