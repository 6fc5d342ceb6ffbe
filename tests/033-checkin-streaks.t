#!/bin/sh
# stats: the strict and the forgiving streak over patterns of days, in text, tsv and json.
# Strict: days in a row. Forgiving: one missed day in any 7 days in a row is
# allowed, a second ends it. Either may end yesterday while today is open.
. "${0%/*}/lib.sh"

# checkins DB FROM TO [SKIP...]: sara checks in to $T/DB.db on every day from
# FROM to TO (days from today: -6 is six days ago, 0 today) but the SKIP days.
checkins() {
	_db=$1 _d=$2 _to=$3
	shift 3
	while [ "$_d" -le "$_to" ]; do
		case " $* " in
		*" $_d "*) ;;
		*)	[ "$_d" -eq 0 ] && _at=today || _at=$_d
			empathy-checkin -d "$T/$_db.db" add --date "$_at" --high h --low l \
			    >/dev/null || return 1;;
		esac
		_d=$((_d + 1))
	done
}
# streaks DB: sara's streak, longest, forgiving and longest forgiving (tsv).
streaks() {
	empathy-checkin -d "$T/$1.db" stats -f tsv |
	    awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
		NR == 2 { print $c["streak"], $c["longest"], $c["forgiving"],
		    $c["forgiving_longest"] }'
}

ok     'every day for a week'	checkins every -6 0
same   'tsv: both streaks are the week'	"$(streaks every)" '7 7 7 7'
ok     'stats -f json'	empathy-checkin -d "$T/every.db" stats -f json
like   'json: the new keys come after the old ones'	"$(out)" \
       '^\{"user":"sara","checkins":7,"streak":7,"longest":7,"answers":0,"both":0,"feeling":null,"forgiving":7,"forgiving_longest":7,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\['"$(for d in -6 -5 -4 -3 -2 -1 0; do printf '"%s",' "$(day $d)"; done | sed 's/,$//')"'\]\}$'
ok     'stats -f tsv'	empathy-checkin -d "$T/every.db" stats -f tsv
same   'tsv: the new columns come after the old ones'	"$(out | head -1)" \
       "$(printf 'user\tcheckins\tstreak\tlongest\tanswers\tboth\tfeeling\tforgiving\tforgiving_longest\tguesses\tnamed\tclose\tguesses_30\tnamed_30\tclose_30\tdays_28')"

ok     'a week with one missed day, three days ago'	checkins one -6 0 -3
same   'tsv: the strict streak starts after it, the forgiving one does not'	"$(streaks one)" '3 3 6 6'
ok     'stats -f json'	empathy-checkin -d "$T/one.db" stats -f json
like   'json: forgiving 6'	"$(out)" '"streak":3,"longest":3,.*"forgiving":6,"forgiving_longest":6,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\[[^]]*\]\}$'
ok     'stats as text'	empathy-checkin -d "$T/one.db" stats
like   'text: the strict streak in its column'	"$(out)" '^sara  \.{21}###\.### +6 +3 +3 +0$'
like   'text: the forgiving streak on a line of its own'	"$(out)" '^forgiving streak: sara 6 \(longest 6\)$'
like   'text: the rule it uses'	"$(out)" '^forgiving: one missed day in any 7 days in a row is allowed; two end it$'

ok     'two missed days in one week, three days apart'	checkins two -7 0 -5 -2
same   'tsv: the second ends the forgiving streak'	"$(streaks two)" '2 2 2 4'
ok     'stats -f json'	empathy-checkin -d "$T/two.db" stats -f json
like   'json: forgiving 2, longest 4'	"$(out)" '"streak":2,"longest":2,.*"forgiving":2,"forgiving_longest":4,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\[[^]]*\]\}$'
ok     'stats as text'	empathy-checkin -d "$T/two.db" stats
like   'text: forgiving 2, longest 4'	"$(out)" '^forgiving streak: sara 2 \(longest 4\)$'

ok     'two missed days in a row'	checkins row -7 0 -3 -2
same   'tsv: they end both streaks'	"$(streaks row)" '2 4 2 4'

ok     'missed days exactly a week apart, three weeks running'	checkins weekly -21 0 -20 -13 -6
same   'tsv: each is forgiven'	"$(streaks weekly)" '6 6 19 19'
ok     'missed days six days apart'	checkins six -14 0 -12 -6
same   'tsv: the second is within a week of the first'	"$(streaks six)" '6 6 6 7'

# The missed days that ended a streak are not held against the next one.
ok     'two missed days, then three days, then one missed day'	checkins after -14 0 -10 -9 -5
same   'tsv: the new streak forgives its own missed day'	"$(streaks after)" '5 5 8 8'

# Calendar weeks play no part: a Sunday and the Monday after are two days in a
# row, a Sunday and the Saturday after are six days apart, a Monday and the
# next Monday seven. S: a Sunday 15 to 21 days ago; each pattern starts on the
# Monday before it, so the days after the last missed one run up to today.
S=$(($(date +%u) + 14))
max() { [ "$1" -gt "$2" ] && echo "$1" || echo "$2"; }
same   'S days ago is a Sunday'	"$(date -d "$((-S)) days" +%u)" 7
ok     'missed a Sunday and the Monday after'	checkins sunmon $((-S - 6)) 0 $((-S)) $((1 - S))
same   'tsv: that ends both streaks, though the days are in two ISO weeks'	\
       "$(streaks sunmon)" "$((S - 1)) $((S - 1)) $((S - 1)) $((S - 1))"
ok     'missed a Sunday and the Saturday after'	checkins sunsat $((-S - 6)) 0 $((-S)) $((6 - S))
same   'tsv: six days apart, so the second ends the forgiving streak'	\
       "$(streaks sunsat)" "$((S - 6)) $((S - 6)) $((S - 6)) $(max 11 $((S - 6)))"
ok     'missed a Monday and the Monday after'	checkins monmon $((-S - 6)) 0 $((1 - S)) $((8 - S))
same   'tsv: seven days apart, so both are forgiven'	\
       "$(streaks monmon)" "$((S - 8)) $((S - 8)) $((S + 5)) $((S + 5))"

# A day filled in later counts by its date, not by when it was written.
ok     'the day before yesterday and today'	checkins later -2 0 -1
same   'tsv: yesterday is missing'	"$(streaks later)" '1 1 2 2'
ok     'yesterday filled in afterwards'	empathy-checkin -d "$T/later.db" add --date -1 --high h --low l
same   'tsv: now three days in a row'	"$(streaks later)" '3 3 3 3'
ok     'two runs of three days, a day apart, long ago'	checkins later -10 -4 -7
same   'tsv: the longest forgiving streak joins them'	"$(streaks later)" '3 3 3 6'
ok     'the day between filled in'	empathy-checkin -d "$T/later.db" add --date -7 --high h --low l
same   'tsv: seven days in a row, then one missed day: forgiving 10'	"$(streaks later)" '3 7 10 10'
ok     'and the day after them'	empathy-checkin -d "$T/later.db" add --date -3 --high h --low l
same   'tsv: eleven days in a row'	"$(streaks later)" '11 11 11 11'
ok     'stats -f json'	empathy-checkin -d "$T/later.db" stats -f json
like   'json: eleven'	"$(out)" '"streak":11,"longest":11,.*"forgiving":11,"forgiving_longest":11,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\[[^]]*\]\}$'
ok     'stats as text'	empathy-checkin -d "$T/later.db" stats
like   'text: eleven'	"$(out)" '^sara  \.{17}#{11} +11 +11 +11 +0$'
like   'text: eleven forgiving'	"$(out)" '^forgiving streak: sara 11 \(longest 11\)$'

# Today is not missed while it lasts.
ok     'three days up to yesterday'	checkins open -3 -1
same   'tsv: both streaks go on'	"$(streaks open)" '3 3 3 3'
ok     'three days up to the day before yesterday'	checkins gone -4 -2
same   'tsv: yesterday missed ends the strict streak only'	"$(streaks gone)" '0 3 3 3'
ok     'stats -f json'	empathy-checkin -d "$T/gone.db" stats -f json
like   'json: streak 0, forgiving 3'	"$(out)" '"streak":0,"longest":3,.*"forgiving":3,"forgiving_longest":3,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\[[^]]*\]\}$'
ok     'stats as text'	empathy-checkin -d "$T/gone.db" stats
like   'text: streak 0'	"$(out)" '^sara  \.{23}###\.\. +3 +0 +3 +0$'
like   'text: forgiving 3'	"$(out)" '^forgiving streak: sara 3 \(longest 3\)$'
ok     'three days up to three days ago'	checkins long -5 -3
same   'tsv: two days missed end both'	"$(streaks long)" '0 3 0 3'
ok     'a missed day, three days, and yesterday missed'	checkins twice -6 -2 -5
same   'tsv: yesterday is the second missed day in a week'	"$(streaks twice)" '0 3 0 4'
ok     'today done after yesterday was missed'	empathy-checkin -d "$T/gone.db" add --high h --low l
same   'tsv: the forgiving streak takes today in'	"$(streaks gone)" '1 3 4 4'

# --since: only the days from then on count, for both.
ok     'stats --since -2'	empathy-checkin -d "$T/one.db" stats --since -2 -f tsv
same   'tsv: three days'	"$(out | sed -n 2p | cut -f 3,4,8,9)" "$(printf '3\t3\t3\t3')"

# Two partners: each has their own streaks, on one line.
ok     'alex checks in two days ago'	empathy-checkin -d "$T/one.db" -u alex add --date -2 --high h --low l
ok     'stats as text'	empathy-checkin -d "$T/one.db" stats
like   'text: both partners on the forgiving line'	"$(out)" '^forgiving streak: sara 6 \(longest 6\), alex 1 \(longest 1\)$'
ok     'stats -f tsv as alex'	empathy-checkin -d "$T/one.db" -u alex stats -f tsv
same   'tsv: alex first'	"$(out | sed 1d | cut -f 1,3,4,8,9)" "$(printf 'alex\t0\t1\t1\t1\nsara\t3\t3\t6\t6')"
