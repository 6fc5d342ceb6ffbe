#!/bin/sh
# show: tsv and json fields, escaping in tsv, and control characters kept off the terminal.
. "${0%/*}/lib.sh"

ESC=$(printf '\033')

ok     'sara checks in with a tab, a newline and a backslash'	empathy-checkin add --feeling tired \
       --high "$(printf 'tea\tcake')" --low "$(printf 'line one\nline two \\ end')"
ok     'alex checks in with an escape sequence'	empathy-checkin -u alex add \
       --high "$(printf 'red \033[31m alert \033]0;title\007')" --low "$(printf 'a C1 CSI \302\233 here')"
ok     'sara answers'	empathy-checkin respond 'What was the alert about?'
ok     'alex answers'	empathy-checkin -u alex respond 'Cake sounds lovely.'

ok     'show -f tsv'	empathy-checkin show -f tsv
same   'tsv header'	"$(out | head -n 1)" "$(tab 'id|date|user|feeling|underneath|high|low|hidden|responses|earlier|guess|guess_verdict')"
same   'one line per check-in, whatever the text holds'	"$(out | wc -l)" 3
same   'tab, newline and backslash are escaped'	"$(out | sed -n 2p | cut -f 3-)" \
       "$(tab 'sara|tired||tea\tcake|line one\nline two \\ end|0|1|0||')"
same   'the id is the stored one'	"$(out | sed -n 2p | cut -f 1)" "$(sql "select id from checkin where user = 'sara'")"

ok     'show -f json'	empathy-checkin show -f json
j=$(out)
same   'one line per check-in'	"$(printf '%s\n' "$j" | wc -l)" 2
if command -v jq >/dev/null; then
	ok   'every line is valid JSON'	sh -c 'printf "%s\n" "$1" | jq -e . >/dev/null' sh "$j"
	same 'fields in order'	"$(printf '%s\n' "$j" | jq -r 'keys_unsorted | join(",")' | sort -u)" \
	     'id,date,user,feeling,underneath,high,low,hidden,responses,earlier,guess,guess_verdict'
	same 'texts come back whole'	"$(printf '%s\n' "$j" | jq -r 'select(.user == "sara") | .high, .low')" \
	     "$(printf 'tea\tcake\nline one\nline two \\ end')"
	same 'responses is an array of kind and text'	"$(printf '%s\n' "$j" | jq -r '.user + ": " + (.responses | map(.kind + " by " + .user + ": " + .text) | join("; "))')" \
	     "sara: reflection by alex: Cake sounds lovely.
alex: question by sara: What was the alert about?"
	same 'each response has id, user, kind, text, forced, created, replies'	"$(printf '%s\n' "$j" | jq -r '.responses[] | keys_unsorted | join(",")' | sort -u)" \
	     'id,user,kind,text,forced,created,replies'
else
	like 'sara has a responses array'	"$j" '"responses":\[\{"id":"[^"]+","user":"alex","kind":"reflection","text":"Cake sounds lovely\.","created":"[^"]+"\}\]'
	like 'texts are JSON-escaped'	"$j" '"high":"tea\\tcake","low":"line one\\nline two \\\\ end"'
fi
like   'control characters are \u escapes in json'	"$j" 'red \\u001b\[31m alert \\u001b\]0;title\\u0007'

ok     'show as text'	empathy-checkin show
unlike 'no raw ESC reaches the terminal'	"$(out)" "$ESC"
same   'od finds no ESC byte either'	"$(out | od -An -c | grep -c '033')" 0
like   'ESC is shown as ^['	"$(out)" '^    high  red \^\[\[31m alert \^\[\]0;title\^G$'
unlike 'no raw C1 CSI byte'	"$(out)" "$(printf '\302\233')"
like   'a C1 control is shown as U+FFFD'	"$(out)" "^    low   a C1 CSI $(printf '\357\277\275') here\$"
like   'answers are listed too'	"$(out)" '^    \? sara  What was the alert about\?$'
