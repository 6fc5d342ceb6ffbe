#!/bin/sh
# review -f json and -f tsv carry what the text shows: the week, the counts,
# every moment, the tags and the prompts; a moment sealed from the reader
# gives away no more there than in the text. The clock is moved with
# faketime through the week 2027-W01 (Monday 2027-01-04 to Sunday 2027-01-10).
. "${0%/*}/lib.sh"

at() { _at=$1; shift; faketime -f "@$_at 10:00:00" "$@"; }
WED=2027-01-06 SUN=2027-01-10
sj() { at $WED empathy-journal -u sara "$@"; }
aj() { at $WED empathy-journal -u alex "$@"; }
prompts() { sed -n '/^To talk about$/,$p' | sed 1d |
    awk '/^  - / { if (q != "") print q; q = substr($0, 5); next } { sub(/^ +/, ""); q = q " " $0 } END { if (q != "") print q }'; }

ok     'sara felt seen on Tuesday'	sj add --seen --date 2027-01-05 --tag home 'he made tea'
ok     'and misunderstood on Wednesday'	sj add --misunderstood 'the "laundry" remark'
ok     'alex felt seen on Monday'	aj add --seen --date 2027-01-04 --tag work --tag home 'a walk after work'
ok     'alex seals a moment on Wednesday'	aj add --seen --sealed --tag secretword 'a hidden thank-you'
ok     'sara seals one of her own'	sj add --seen --sealed 'her own sealed one'
ok     'the week before: one of sara'	sj add --seen --date 2027-01-01 'the week before'

ok     "sara's review as text"	sj review --week 2027-W01
out >"$T/text"
ok     'as json'	sj review --week 2027-W01 -f json
out >"$T/json"
ok     'jq reads every line'	jq -c . "$T/json"
same   'one object for each line'	"$(out | wc -l)" "$(wc -l <"$T/json")"
same   'every record has a type, in the order of the text'	"$(jq -r .type "$T/json" | uniq)" 'week
count
moment
tag
prompt'
same   'the week'	"$(jq -c 'select(.type == "week")' "$T/json")" \
       '{"type":"week","week":"2027-W01","from":"2027-01-04","to":"2027-01-10"}'
same   'the counts, the reader first'	"$(jq -r 'select(.type == "count") | [.user, .kind, .count, .previous, .sealed] | @tsv' "$T/json")" 'sara	seen	2	1	0
sara	misunderstood	1	0	0
alex	seen	2	0	1
alex	misunderstood	0	0	0'
# (The clock stands still here: moments of one day sort as the same time.)
same   'every moment of the week, by date: words, tags, seal'	"$(jq -c 'select(.type == "moment") | [.date, .weekday, .user, .kind, .text, .tags, .sealed, .seal]' "$T/json" | sort)" \
'["2027-01-04","Mon","alex","seen","a walk after work","home work",null,"open"]
["2027-01-05","Tue","sara","seen","he made tea","home",null,"open"]
["2027-01-06","Wed","alex","seen",null,"","2027-01-10","hidden"]
["2027-01-06","Wed","sara","misunderstood","the \"laundry\" remark","",null,"open"]
["2027-01-06","Wed","sara","seen","her own sealed one","","2027-01-10","sealed"]'
same   'by date'	"$(jq -r 'select(.type == "moment") | .date' "$T/json")" "$(jq -r 'select(.type == "moment") | .date' "$T/json" | sort)"
same   'each with its full id'	"$(jq -r 'select(.type == "moment") | .id' "$T/json" | sort)" \
       "$(sql "select id from entry where date between '2027-01-04' and '2027-01-10' order by id")"

# The text against the json: the same moments, tags and prompts.
same   'as many moments in the text as in the json'	\
       "$(sed 's/(sealed until [A-Z][a-z]* [0-9]*)//' "$T/text" | grep -oE '(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [0-9]{2}' | wc -l)" \
       "$(jq -r 'select(.type == "moment") | .date' "$T/json" | wc -l)"
jq -r 'select(.type == "moment" and .text != null) | .text' "$T/json" >"$T/words"
same   'the words of every moment in the json are in the text'	"$(grep -vFf "$T/text" "$T/words" || :)" ''
ok     'the text has a moment for every one the json has'	test -s "$T/words"
while IFS= read -r w; do grep -qF -- "$w" "$T/text" || echo "$w"; done <"$T/words" >"$T/missing"
same   'each found whole'	"$(cat "$T/missing")" ''
same   'the tags as the text names them'	\
       "$(jq -r 'select(.type == "tag") | "#\(.tag) \(.count)"' "$T/json" | paste -sd, | sed 's/,/, /g')" \
       "$(sed -n 's/^Tags this week: //p' "$T/text")"
prompts <"$T/text" >"$T/asked"
ok     'the text asks something'	test -s "$T/asked"
same   'the prompts of the text, in its order'	"$(jq -r 'select(.type == "prompt") | .text' "$T/json")" "$(cat "$T/asked")"

# What alex sealed stays sealed from sara in every format.
unlike 'json: not its words'	"$(cat "$T/json")" 'hidden thank-you'
unlike 'json: nor its tag'	"$(cat "$T/json")" 'secretword'
ok     'as tsv'	sj review --week 2027-W01 -f tsv
out >"$T/tsv"
unlike 'tsv: not its words'	"$(cat "$T/tsv")" 'hidden thank-you'
unlike 'tsv: nor its tag'	"$(cat "$T/tsv")" 'secretword'
same   'tsv: one header, the kind of record first'	"$(head -1 "$T/tsv")" \
       'type	week	from	to	user	kind	count	previous	sealed	date	weekday	id	seal	tag	tags	text'
same   'every row with every column'	"$(awk -F '\t' '{ print NF }' "$T/tsv" | sort -u)" 16
same   'as many rows as json lines, and the header'	"$(($(wc -l <"$T/tsv") - 1))" "$(wc -l <"$T/json")"
same   'the sealed moment: no words, no tags, the day it opens'	\
       "$(awk -F '\t' '$1 == "moment" && $5 == "alex" && $10 == "2027-01-06" { print $9 "|" $13 "|" $15 "|" $16 }' "$T/tsv")" \
       '2027-01-10|hidden||'
same   'the tags'	"$(awk -F '\t' '$1 == "tag" { print $14, $7 }' "$T/tsv")" 'home 2
work 1'
same   'the prompts'	"$(awk -F '\t' '$1 == "prompt" { print $16 }' "$T/tsv")" "$(cat "$T/asked")"
ok     "alex's own review"	aj review --week 2027-W01 -f json
same   'shows him his sealed moment, marked sealed'	\
       "$(out | jq -c 'select(.type == "moment" and .user == "alex" and .date == "2027-01-06") | [.text, .tags, .seal]')" \
       '["a hidden thank-you","secretword","sealed"]'
ok     'on Sunday the seal lifts'	at $SUN empathy-journal -u sara review --week 2027-W01 -f json
same   'his moment opens to her: words, tags, "opened"'	\
       "$(out | jq -c 'select(.type == "moment" and .user == "alex" and .date == "2027-01-06") | [.text, .tags, .sealed, .seal]')" \
       '["a hidden thank-you","secretword",null,"opened"]'

# A week nobody wrote in.
ok     'an empty week as json'	sj review --week 2020-W10 -f json
out >"$T/empty"
ok     'jq reads every line'	jq -c . "$T/empty"
same   'the week, zero counts for sara alone, the prompts'	"$(jq -r .type "$T/empty" | uniq -c | awk '{ print $2, $1 }' | sed 's/^prompt [23]$/prompt 2 or 3/')" 'week 1
count 2
prompt 2 or 3'
same   'counts of zero'	"$(jq -r 'select(.type == "count") | [.user, .kind, .count, .previous, .sealed] | @tsv' "$T/empty")" 'sara	seen	0	0	0
sara	misunderstood	0	0	0'
ok     'an empty week as tsv'	sj review --week 2020-W10 -f tsv
same   'the header, the week, the counts, the prompts'	"$(out | cut -f1 | uniq -c | awk '{ print $2, $1 }' | sed 's/^prompt [23]$/prompt 2 or 3/')" 'type 1
week 1
count 2
prompt 2 or 3'
