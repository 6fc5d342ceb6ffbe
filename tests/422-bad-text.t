#!/bin/sh
# Private text on stdin that cannot be stored is refused (65, or 64 for none)
# with nothing stored; control characters are stored as given and shown safely.
. "${0%/*}/lib.sh"

ok     'setup: ben checks in, so sara can respond'	empathy-checkin -u ben add --high 'A calm day' --low 'A late bus'
counts() {
	sql "select (select count(*) from checkin), (select count(*) from response),
	    (select count(*) from entry)"
}
same   'setup: one check-in'	"$(counts)" '1|0|0'
hex() { od -An -tx1 | tr -d ' \n'; }

# The three ways in, each reading the file given.
jadd() { empathy-journal add --seen <"$1"; }
cadd() { empathy-checkin add <"$1"; }
resp() { empathy-checkin respond --peek --to ben <"$1"; }

# bad NAME BYTES: BYTES (printf format) as the text, and as the low for a check-in.
bad() {
	printf "before $2 after?\n" >"$T/in"
	printf "A high\nbefore $2 after\n" >"$T/in2"
	status "$1: journal add: 65"	65 jadd "$T/in"
	like   "$1: journal add: it names the entry"	"$(err)" "the entry $3"
	status "$1: checkin add: 65"	65 cadd "$T/in2"
	like   "$1: checkin add: it names the check-in"	"$(err)" "$3"
	like   "$1: checkin add: it names the line (2, the low)"	"$(err)" 'line 2|the low'
	status "$1: checkin respond: 65"	65 resp "$T/in"
	like   "$1: checkin respond: it names the answer"	"$(err)" "the answer $3"
	same   "$1: nothing stored"	"$(counts)" '1|0|0'
}
bad 'invalid UTF-8 (\xff)'	'\377'	'is not valid UTF-8'
bad 'invalid UTF-8 (\xff\xfe)'	'\377\376'	'is not valid UTF-8'
bad 'an overlong encoding (\xc0\xaf)'	'\300\257'	'is not valid UTF-8'
bad 'an overlong NUL (\xc0\x80)'	'\300\200'	'is not valid UTF-8'
bad 'a lone surrogate (\xed\xa0\x80)'	'\355\240\200'	'is not valid UTF-8'
bad 'a code point past U+10FFFF (\xf4\x90\x80\x80)'	'\364\220\200\200'	'is not valid UTF-8'
bad 'a cut-off sequence (\xe2\x82)'	'\342\202'	'is not valid UTF-8'
bad 'a NUL byte'	'\000'	'contains a NUL byte'

# Control characters are the writer's own: stored byte for byte, shown safely.
ctl='red \033[31mX\033[0m bell \007 csi \302\233 end'
printf "$ctl\n" >"$T/ctl"
printf "$ctl?\n" >"$T/ctlq"
printf "$ctl\nlow $ctl\n" >"$T/ctl2"
want=$(printf "$ctl" | hex)
ok     'control characters: journal add stores them'	jadd "$T/ctl"
ok     'control characters: checkin add stores them'	cadd "$T/ctl2"
ok     'control characters: checkin respond stores them'	resp "$T/ctlq"
same   'journal: the text is stored exactly as given'	"$(sql 'select hex(text) from entry' | tr A-F a-f)" "$want"
same   'checkin: the high is stored exactly as given'	"$(sql "select hex(high) from checkin where user = 'sara'" | tr A-F a-f)" "$want"
same   'checkin: the low is stored exactly as given'	"$(sql "select hex(low) from checkin where user = 'sara'" | tr A-F a-f)" "$(printf "low $ctl" | hex)"
same   'respond: the answer is stored exactly as given'	"$(sql 'select hex(text) from response' | tr A-F a-f)" "$(printf "$ctl?" | hex)"

ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\302\233')
# raw NAME: what the last command printed holds no raw ESC, BEL or C1 CSI.
raw() {
	raw0 "$1"
	same   "$1: no raw C1 control (\\xc2\\x9b) on stdout"	"$(out | grep -c "$C1")" 0
}
raw0() {	# C0 only: export is SQLite's JSON, where U+009B is left as it is
	same   "$1: no raw ESC or BEL byte on stdout"	"$(out | tr -cd '\033\007' | wc -c)" 0
}
ok     'journal list (text)'	empathy-journal list
raw    'journal list (text)'
like   'journal list (text): ESC shown as ^['	"$(out)" 'red \^\[\[31mX\^\[\[0m bell \^G csi'
ok     'journal list (tsv)'	empathy-journal list -f tsv
raw    'journal list (tsv)'
ok     'journal list (json)'	empathy-journal list -f json
raw    'journal list (json)'
like   'journal list (json): ESC and BEL as \u escapes'	"$(out)" 'red \\u001b\[31mX\\u001b\[0m bell \\u0007 csi'
same   'journal list (json): jq reads the text back exactly'	"$(out | jq -j .text | hex)" "$want"
ok     'journal export'	empathy-journal export
raw0   'journal export'
ok     'checkin show (text)'	empathy-checkin show
raw    'checkin show (text)'
like   'checkin show (text): the answer shown with ^['	"$(out)" 'red \^\[\[31mX'
ok     'checkin show (tsv)'	empathy-checkin show -f tsv
raw    'checkin show (tsv)'
ok     'checkin show (json)'	empathy-checkin show -f json
raw    'checkin show (json)'
same   'checkin show (json): jq reads the answer back exactly'	\
       "$(out | jq -j 'select(.user == "ben") | .responses[0].text' | hex)" "$(printf "$ctl?" | hex)"
ok     'checkin export'	empathy-checkin export
raw0   'checkin export'
ok     'journal grep finds it'	empathy-journal list --grep csi
raw    'journal grep (text)'
after=$(counts)
same   'setup: one of each stored'	"$after" '2|1|1'

# Too long: 10 MB is refused at once, nothing stored.
head -c 10000000 /dev/zero | tr '\0' a >"$T/10mb"
for c in jadd cadd resp; do
	_t0=$(date +%s%N)
	status "$c: a 10 MB text: 65"	65 $c "$T/10mb"
	_ms=$((($(date +%s%N) - _t0) / 1000000))
	like   "$c: a 10 MB text: it says longer than"	"$(err)" 'is longer than [0-9]+ KiB'
	ok     "$c: a 10 MB text: refused quickly ($_ms ms)"	test "$_ms" -lt $((2000 * EM_SLOW))
done
like   'journal add: the limit named is 64 KiB'	"$(jadd "$T/10mb" 2>&1)" 'longer than 64 KiB'
like   'checkin respond: the limit named is 64 KiB'	"$(resp "$T/10mb" 2>&1)" 'longer than 64 KiB'
same   'a 10 MB text: nothing stored'	"$(counts)" "$after"

# The limit: exactly 64 KiB of text is accepted, with or without the newline
# that ends a line; one byte more is refused.
head -c 65536 /dev/zero | tr '\0' b >"$T/max"
{ cat "$T/max"; echo; } >"$T/maxnl"
head -c 65537 /dev/zero | tr '\0' c >"$T/over"
{ cat "$T/max"; echo; echo 'A low'; } >"$T/cmax"
{ echo 'A high'; cat "$T/max"; echo; } >"$T/cmaxlow"
{ cat "$T/over"; echo; echo 'A low'; } >"$T/cover"
status 'journal add: 64 KiB and one byte: 65'	65 jadd "$T/over"
status 'checkin add: a high of 64 KiB and one byte: 65'	65 cadd "$T/cover"
like   'checkin add: it names the high'	"$(err)" 'the high.*longer than 64 KiB'
status 'checkin respond: 64 KiB and one byte: 65'	65 resp "$T/over"
same   'one byte over: nothing stored'	"$(counts)" "$after"
ok     'journal add: exactly 64 KiB'	empathy-journal add --seen --date -1 <"$T/max"
ok     'journal add: exactly 64 KiB and a newline'	empathy-journal add --seen --date -2 <"$T/maxnl"
same   'journal add: both stored whole'	"$(sql 'select length(text) from entry where date < date("now") order by date')" \
       "$(printf '65536\n65536')"
ok     'checkin add: a high of exactly 64 KiB'	empathy-checkin add --date -1 <"$T/cmax"
ok     'checkin add: a low of exactly 64 KiB'	empathy-checkin add --date -2 <"$T/cmaxlow"
same   'checkin add: both stored whole'	\
       "$(sql "select max(length(high)), max(length(low)) from checkin where date < date('now')")" '65536|65536'
ok     'setup: ben checks in yesterday too'	empathy-checkin -u ben add --date -1 --high h --low l
ok     'checkin respond: exactly 64 KiB'	empathy-checkin respond --peek --to ben <"$T/max"
ok     'checkin respond: exactly 64 KiB and a newline'	empathy-checkin respond --peek --to ben --date -1 <"$T/maxnl"
same   'checkin respond: both stored whole'	"$(sql 'select count(*) from response where length(text) = 65536')" 2

# No text: nothing on stdin is 64, only white space is 65; nothing stored.
before=$(counts)
: >"$T/empty"
printf ' \n\t \n\n' >"$T/blank"
printf '   \n' >"$T/blank1"
status 'journal add: nothing on stdin: 64'	64 jadd "$T/empty"
like   'journal add: it says there was no entry'	"$(err)" 'no entry on standard input'
status 'journal add: only white space: 65'	65 jadd "$T/blank"
like   'journal add: it says empty'	"$(err)" 'empty'
status 'checkin add: nothing on stdin: 64'	64 empathy-checkin add --date -3 <"$T/empty"
like   'checkin add: it says there was no check-in'	"$(err)" 'no check-in on standard input'
status 'checkin add: two blank lines: 65'	65 empathy-checkin add --date -3 <"$T/blank"
like   'checkin add: it says the high is empty'	"$(err)" 'the high \(line 1\) is empty'
status 'checkin add: a high and a blank low: stored with no low'	0 sh -c 'printf "A high\n  \n" | empathy-checkin add --date -5'
same   'checkin add: the low is empty'	"$(sql "select '[' || low || ']' from checkin where date = '$(day -5)'")" '[]'
sql "delete from checkin where date = '$(day -5)'"
status 'checkin add: one line only: 65'	65 sh -c 'echo "A high" | empathy-checkin add --date -3'
like   'checkin add: it names the low'	"$(err)" 'the low \(line 2\)'
status 'checkin respond: nothing on stdin: 64'	64 resp "$T/empty"
like   'checkin respond: it says there was no answer'	"$(err)" 'no answer on standard input'
status 'checkin respond: only white space: 65'	65 resp "$T/blank1"
like   'checkin respond: it says empty'	"$(err)" 'the answer is empty'
same   'no text: nothing stored'	"$(counts)" "$before"
