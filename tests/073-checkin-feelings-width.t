#!/bin/sh
# --feeling: lower case, a warning with the nearest words; everyday feelings in the
# vocabulary; show, stats and feelings fit 80 columns; names are never cut mid-character.
. "${0%/*}/lib.sh"


# wide TEXT: how many lines are longer than 80 characters (UTF-8 continuation
# bytes left out, so that an ellipsis counts as one).
wide() { printf '%s\n' "$1" | tr -d '\200-\277' | awk 'length > 80' | wc -l; }
joined() { err | sed -e ':a' -e '$!N' -e 's/\n  */ /' -e 'ta' -e 'P;D'; }
utf8() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; }

ok     '--feeling in capitals'	empathy-checkin add --date -3 --feeling 'Sad:LONELY' --high h --low l
same   'is stored in lower case'	"$(sql 'select feeling, underneath from checkin')" 'sad|lonely'
same   'a known word: no warning'	"$(err)" ''
ok     'a word outside the vocabulary is stored (not refused)'	empathy-checkin add --date -2 --feeling 'Hapy' --high h --low l
like   'with a warning naming the nearest word'	"$(joined)" "warning: 'hapy' is not in the feelings vocabulary.*near it: happy"
same   'stored as given, in lower case'	"$(sql "select feeling from checkin where date = '$(day -2)'")" hapy
ok     'an unknown word underneath'	empathy-checkin add --date -1 --feeling 'calm:xyzzyq' --high h --low l
like   'warns with no near word'	"$(joined)" "'xyzzyq' is not in the feelings vocabulary; stored as given$"
unlike 'and does not warn about calm'	"$(err)" "'calm'"
ok     'stresed:overwhelmd'	empathy-checkin add --date -4 --feeling 'stresed:overwhelmd' --high h --low l
like   'each is named with at most three near words'	"$(joined)" "'stresed'.*near it: stressed"
e=$(joined)
like   'the nearest first'	"$e" "'overwhelmd'.*near it: overwhelmed(, [a-z ]+){0,2}$"
same   'warnings fit 80 columns'	"$(wide "$(err)")" 0
for w in happy sad stressed excited calm grateful lonely proud relieved upset afraid glad; do
	ok     "'$w' is in the vocabulary"	empathy-checkin feelings "$w"
done
ok     'feelings'	empathy-checkin feelings
same   'the list fits 80 columns'	"$(wide "$(out)")" 0

# show wraps at 80 columns; stats fits long names and feelings.
long='It was a long day with a lot of meetings, and in the middle of it all I found half an hour to walk by the river, which made everything that came after feel lighter and far more manageable than the morning had suggested.'
name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ok     'sara checks in with long texts'	empathy-checkin add --high "$long" --low "$long"
ok     'a partner with a 63-letter name and a long feeling'	empathy-checkin -u "$name" add --feeling 'quietly-hopeful-and-a-little-frightened:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' --high "$long" --low ''
ok     'sara answers at length'	empathy-checkin respond --to "$name" "$long"
ok     'show'	empathy-checkin show
s=$(out)
same   'every line of show fits 80 columns'	"$(wide "$s")" 0
like   'the high is wrapped under itself'	"$s" '^    high  It was a long day'
like   'continued at the same indent'	"$s" '^          [a-z]'
same   'nothing of the text is lost'	"$(printf '%s\n' "$s" | awk '/^    low/ { exit } f || /^    high/ { f = 1; print }' | cut -c 11- | tr '\n' ' ' | sed 's/ $//')" "$long"
ok     'stats'	empathy-checkin stats
same   'every line of stats fits 80 columns'	"$(wide "$(out)")" 0
like   'the most felt are named'	"$(out)" 'quietly-hopeful'

# A name is never cut inside a character: the respond prompt, show, stats.
# (A couple of its own: the roster of the database above is full.)
EMPATHY_DB="$T/names.db"; export EMPATHY_DB
ok     'sara checks in the day before'	empathy-checkin add --date -1 --high h --low l
uname="$(printf 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\303\251')"
ok     "a partner with a 40-character name ending in e-acute"	empathy-checkin -u "$uname" add --date -1 --high h --low l
drive "empathy-checkin respond --date -1 --to '$uname'" ': ' "How was it?
"
same   'respond at a terminal'	"$S" 0
ok     'the prompt shows the name whole, as UTF-8'	utf8 "$O"
like   'whole'	"$O" "for $uname: "
ok     'show --date -1'	empathy-checkin show --date -1
ok     'is valid UTF-8'	utf8 "$(out)"
ok     'stats'	empathy-checkin stats
ok     'stats is valid UTF-8 with the name cut'	utf8 "$(out)"
