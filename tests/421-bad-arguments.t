#!/bin/sh
# Bad arguments, each a named case: 64 with the reason (and usage where the
# command line itself is malformed) on stderr, nothing on stdout, nothing stored.
. "${0%/*}/lib.sh"

# Something in every table, so that a write that should not happen shows.
ok     'setup: ben checks in'	empathy-checkin -u ben add --date -1 --high 'A calm day' --low 'A late bus'
ok     'setup: sara writes in the journal'	sh -c 'echo "felt heard" | empathy-journal add --seen'
ok     'setup: sara takes the bandwidth check'	empathy-assess take bandwidth --answers 1,2,3,4
ok     'setup: a challenge starts'	empathy-challenge start --date -1
counts() {
	sql "select (select count(*) from checkin), (select count(*) from response),
	    (select count(*) from entry), (select count(*) from result),
	    (select count(*) from run), (select count(*) from run_day)"
}
before=$(counts)
same   'setup: one row each, no answers, no days done'	"$before" '1|0|1|1|1|0'

# usage NAME CMD...: 64, a usage line on stderr, nothing on stdout.
usage() {
	_name=$1; shift
	status "$_name: 64"	64 "$@"
	like   "$_name: usage on stderr"	"$(err)" '^usage: empathy-'
	same   "$_name: nothing on stdout"	"$(out)" ''
}
# refused NAME PATTERN CMD...: 64, PATTERN on stderr, nothing on stdout.
refused() {
	_name=$1; _pat=$2; shift 2
	status "$_name: 64"	64 "$@"
	like   "$_name: stderr says why"	"$(err)" "$_pat"
	same   "$_name: nothing on stdout"	"$(out)" ''
}

for p in checkin journal assess challenge; do
	usage  "$p: an unknown option before the command"	empathy-$p --bogus list </dev/null
	like   "$p: the unknown option is named"	"$(err)" 'unknown option --bogus'
	usage  "$p: an unknown short option"	empathy-$p -x list </dev/null
	like   "$p: the unknown short option is named"	"$(err)" 'unknown option -x'
	usage  "$p: an unknown command"	empathy-$p frobnicate </dev/null
	like   "$p: the unknown command is named"	"$(err)" "unknown command 'frobnicate'"
	usage  "$p: no command at all"	empathy-$p </dev/null
	usage  "$p: only common options"	empathy-$p -u sara -f tsv </dev/null
	usage  "$p: a common option without its value"	empathy-$p --db </dev/null
	like   "$p: the option is named"	"$(err)" 'option --db needs a value'
	# Every command, with an option it does not have.
	for c in $(empathy-$p --help | sed -n 's/^  \([a-z]*\).*/\1/p'); do
		usage  "$p $c --bogus"	empathy-$p $c --bogus </dev/null
		like   "$p $c --bogus: the option is named"	"$(err)" 'unknown option --bogus'
	done
	refused "$p: --format xml"	"unknown format 'xml'"	empathy-$p --format xml export </dev/null
	refused "$p: -f xml after the command"	"unknown format 'xml'"	empathy-$p export -f xml </dev/null
	refused "$p: -f ''"	"unknown format ''"	empathy-$p -f '' export </dev/null
	refused "$p: -u ''"	"'' is not a usable name"	empathy-$p -u '' export </dev/null
	refused "$p: -u -x"	"'-x' is not a usable name"	empathy-$p -u -x export </dev/null
	refused "$p: --user=-x after the command"	"'-x' is not a usable name"	empathy-$p export --user=-x </dev/null
	refused "$p: -d ''"	'--db needs a path'	empathy-$p -d '' export </dev/null
done

# Operands where none belong.
usage  'checkin due with an operand'	empathy-checkin due extra
usage  'journal list with an operand'	empathy-journal list extra
usage  'challenge done with an operand'	empathy-challenge done extra </dev/null
usage  'assess take with two instruments'	empathy-assess take self bandwidth --answers 1
usage  'challenge timer with two numbers of minutes'	empathy-challenge timer 1 2

# Options at the very end, missing their value.
for a in 'checkin add --date' 'checkin respond --date' 'checkin show --date' \
    'checkin show --since' 'checkin stats --since' 'journal add --seen --date' \
    'journal list --since' 'journal list --until' 'journal list -n' \
    'journal review --week' 'assess take bandwidth --date' \
    'assess take bandwidth --answers' 'challenge start --date' 'challenge done --day' \
    'challenge timer --rounds' 'challenge today --date' 'checkin respond --to' \
    'journal add --seen --tag' 'checkin add --feeling' 'journal list -u'; do
	set -- $a
	p=$1; shift
	eval "_last=\${$#}"
	usage  "$p $*: missing value"	sh -c 'echo text | "$@"' sh empathy-$p "$@"
	like   "$p $*: it says the option needs a value"	"$(err)" "option $_last needs a value"
done

# Dates that are not: each option names itself.
for d in 2026-02-30 tomorrowish 10000-01-01 -99999999 2026-13-01 2026-00-10 \
    0000-01-01 2026-1-1 ''; do
	for a in 'checkin add --date' 'checkin respond --date' 'checkin show --date' \
	    'checkin show --since' 'checkin stats --since' 'journal add --seen --date' \
	    'journal list --since' 'journal list --until' \
	    'assess take --answers 1,2,3,4 bandwidth --date' 'challenge start --date' \
	    'challenge today --date' 'challenge done --date' 'challenge status --date' \
	    'challenge review --date'; do
		set -- $a
		p=$1; shift
		eval "_opt=\${$#}"
		refused "$p $* '$d'"	"$_opt: '$d' is not a date" \
		    sh -c 'printf "a high\na low\n" | "$@"' sh empathy-$p "$@" "$d"
	done
done
# Well-formed but refused weeks: the option is named.
for w in 2026-W54 2026-W00 2026W01 2026-w1 10000-W01 2021-W53; do
	refused "journal review --week '$w'"	"--week: '$w'"	empathy-journal review --week "$w"
done

# Counts: -n, --day and --rounds take a whole number from 1.
for n in -1 0 abc 1.5 1e3 ' 5' 5x 0x10 99999999999999999999 -99999999999999999999 ''; do
	refused "journal list -n '$n'"	"-n: '$n' is not a count"	empathy-journal list -n "$n"
	refused "challenge done --day '$n'"	"--day: '$n' is not a count" \
	    empathy-challenge done --day "$n" </dev/null
	refused "challenge timer --rounds '$n'"	"--rounds: '$n' is not a count" \
	    timeout 10 empathy-challenge timer --rounds "$n" 0.001
done
refused 'challenge timer --rounds 101'	'--rounds: at most 100'	empathy-challenge timer --rounds 101 0.001

# Minutes for the timer: more than 0, at most 180, and a number.
for m in 0 -1 1e9 nan inf -inf NaN 181 abc 5min ''; do
	refused "challenge timer '$m'"	"'$m' is not a number of minutes" \
	    timeout 10 empathy-challenge timer -- "$m"
done
usage  'challenge timer -1 (taken for an option)'	timeout 10 empathy-challenge timer -1

same   'no usage error stored anything'	"$(counts)" "$before"

# Answers to take: off the scale or the wrong count is bad data (65), nothing stored.
take() {	# NAME ANSWERS: --answers and stdin, each refused with 65
	status "take: $1 (--answers): 65"	65 empathy-assess take bandwidth --answers "$2"
	like   "take: $1 (--answers): it says why and that nothing was stored"	"$(err)" \
	       "$3.*nothing was stored"
	status "take: $1 (stdin): 65"	65 sh -c 'printf "%s\n" "$1" | tr , "\n" | empathy-assess take bandwidth' sh "$2"
	like   "take: $1 (stdin): it says why"	"$(err)" "$3"
}
take 'an answer above the scale'	1,2,3,6		'answer 4 \(6\) is off the scale, which goes from 1 to 5'
take 'an answer below the scale'	0,2,3,4		'answer 1 \(0\) is off the scale'
take 'a negative answer'	1,-2,3,4	'answer 2 \(-2\) is off the scale'
take 'a huge answer'	1,2,99999999999999999999,4	'answer 3 is not a whole number'
take 'a fraction'	1,2.5,3,4	'answer 2 is not a whole number'
take 'a word'	1,2,3,four	'answer 4 is not a whole number'
take 'too few answers'	1,2,3		'bandwidth has 4 items, but there are 3 answers'
take 'too many answers'	1,2,3,4,5	'bandwidth has 4 items, but there are more answers'
take 'one answer'	3		'bandwidth has 4 items, but there is 1 answer'
status 'take: empty --answers: 65'	65 empathy-assess take bandwidth --answers ''
status 'take: nothing on stdin: 64'	64 empathy-assess take bandwidth </dev/null
like   'take: it says there were no answers'	"$(err)" 'no answers'
status 'take: an unknown instrument is missing input'	66 empathy-assess take nosuch --answers 1
same   'no bad answers were stored'	"$(counts)" "$before"
