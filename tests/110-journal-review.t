#!/bin/sh
# review: a week's moments of both partners side by side, counts against the week before, tags, prompts.
. "${0%/*}/lib.sh"

# The week under review is the ISO week of 14 days ago, so all of it lies in the past.
d=$(day -14)
mon=$(date -d "$d -$(($(date -d "$d" +%u) - 1)) days" +%F)
at() { date -d "$mon $1 days" +%F; }	# a day of that week, 0 = Monday; negative: the week before
md() { date -d "$(at "$1")" '+%a %d'; }
week=$(date -d "$mon" +%G-W%V)
add() { _u=$1; shift; printf '%s\n' "$1" | { shift; empathy-journal -u "$_u" add "$@"; } >/dev/null; }
nopr() { sed '/^To talk about$/,$d'; }	# the review without its prompts
prompts() { sed -n '/^To talk about$/,$p' | sed 1d; }

ok     'sara felt seen on Tuesday'	add sara 'he made tea' --seen --date "$(at 1)" --tag home
ok     'and again on Tuesday, at length'	add sara 'he covered my shift so I could rest after the long week at the office' \
       --seen --date "$(at 1)" --tag home --tag work
ok     'sara felt misunderstood on Thursday'	add sara 'the laundry remark' --misunderstood --date "$(at 3)"
ok     'alex felt seen on Wednesday'	add alex 'a walk' --seen --date "$(at 2)" --tag home
ok     'alex felt misunderstood on Monday'	add alex 'the budget talk' --misunderstood --date "$(at 0)" --tag work
ok     'the week before: sara seen once'	add sara 'last week' --seen --date "$(at -5)" --tag old
ok     'the week before: alex misunderstood twice (Monday)'	add alex 'last week a' --misunderstood --date "$(at -7)"
ok     'the week before: alex misunderstood twice (Sunday)'	add alex 'last week b' --misunderstood --date "$(at -1)"
ok     'two weeks before: counted nowhere'	add alex 'long ago' --seen --date "$(at -8)"
ok     'the week after: counted nowhere'	add sara 'later' --seen --date "$(at 7)"
ok     'a removed entry of the week'	add sara 'taken back' --misunderstood --date "$(at 4)" --tag home
ok     '... is removed'	empathy-journal rm "$(sql "select id from entry where text = 'taken back'")"

ok     "sara's review of $week"	empathy-journal review --week "$week"
review=$(out)
same   'her moments on the left, his on the right, each under its weekday' "$(printf '%s\n' "$review" | nopr)" \
"The week $week, $mon to $(at 6)

Felt seen
  sara: 2 (1 the week before)            alex: 1 (0 the week before)
  $(md 1)                                 $(md 2)
    he made tea                            a walk

  $(md 1)
    he covered my shift so I could rest
    after the long week at the office

Felt misunderstood
  sara: 1 (0 the week before)            alex: 1 (2 the week before)
  $(md 3)                                 $(md 0)
    the laundry remark                     the budget talk

Tags this week: #home 3, #work 2"
p=$(printf '%s\n' "$review" | prompts)
like   'then prompts to talk about'	"$p" '^  - '
same   'two or three of them'	"$(printf '%s\n' "$p" | grep -c '^  - ' | sed 's/^[23]$/2 or 3/')" '2 or 3'
printf '%s\n' "$p" | awk '/^  - / { if (q != "") print q; q = substr($0, 5); next } { sub(/^ +/, ""); q = q " " $0 } END { print q }' >"$T/asked"
sed -n '/^id: review$/,/^---/p' "$EMPATHY_CONTENT/prompts.yaml" | sed -n 's/^  - //p' >"$T/review-prompts"
same   'each one a review prompt from the content'	"$(grep -vxFf "$T/review-prompts" "$T/asked")" ''
same   'no prompt twice'	"$(sort "$T/asked" | uniq -d)" ''
ok     'the review again'	empathy-journal review --week "$week"
same   'is the same, prompts included'	"$(out)" "$review"

ok     "alex's review of the same week"	empathy-journal -u alex review --week "$week"
same   'his moments on the left now'	"$(out | sed -n 4p)" '  alex: 1 (0 the week before)            sara: 2 (1 the week before)'
same   'he is asked the same questions'	"$(out | prompts)" "$p"

ok     'tsv: the review as one table'	empathy-journal review --week "$week" -f tsv
same   'the kind of record first, then the columns of every kind'	"$(out | head -1)" \
       'type	week	from	to	user	kind	count	previous	sealed	date	weekday	id	seal	tag	tags	text'
same   'the counts: user, kind, count, previous, sealed; the asker first'	"$(out | awk -F '\t' '$1 == "count"' | cut -f5-9)" 'sara	seen	2	1	0
sara	misunderstood	1	0	0
alex	seen	1	0	0
alex	misunderstood	1	2	0'
ok     'json gives the same'	empathy-journal -u alex review --week "$week" -f json
same   'one count object per partner and kind'	"$(out | grep '"type":"count"')" '{"type":"count","user":"alex","kind":"seen","count":1,"previous":0,"sealed":0}
{"type":"count","user":"alex","kind":"misunderstood","count":1,"previous":2,"sealed":0}
{"type":"count","user":"sara","kind":"seen","count":2,"previous":1,"sealed":0}
{"type":"count","user":"sara","kind":"misunderstood","count":1,"previous":0,"sealed":0}'

ok     'the week after counts this week as the week before'	empathy-journal review --week "$(date -d "$(at 7)" +%G-W%V)" -f tsv
same   'previous is this week'	"$(out | awk -F '\t' '$1 == "count"' | cut -f5-9)" 'sara	seen	1	2	0
sara	misunderstood	0	1	0
alex	seen	0	1	0
alex	misunderstood	0	1	0'

ok     'a week nobody wrote in'	empathy-journal review --week 2020-W10
like   'still names the week and its days'	"$(out | head -1)" '^The week 2020-W10, 2020-03-02 to 2020-03-08$'
same   'sara alone, with nothing to show'	"$(out | sed -n 3,5p)" 'Felt seen
  sara: 0 (0 the week before)            (no partner yet)
    -'
ok     'without --week: this week'	empathy-journal review
like   'named as the ISO week of today'	"$(out | head -1)" "^The week $(date +%G-W%V), "

ok     '2026-W53 exists'	empathy-journal review --week 2026-W53 -f tsv
ok     '2020-W53 exists'	empathy-journal review --week 2020-W53
like   'it starts on Monday 2020-12-28'	"$(out | head -1)" '^The week 2020-W53, 2020-12-28 to 2021-01-03$'
ok     '2026-W01 starts in 2025'	empathy-journal review --week 2026-W01
like   'on Monday 2025-12-29'	"$(out | head -1)" '^The week 2026-W01, 2025-12-29 to 2026-01-04$'
status '2025-W53 does not exist'	64 empathy-journal review --week 2025-W53
like   'the message names --week and the value'	"$(err)" "--week: '2025-W53' is not a week"
for w in 2026-W00 2026-W54 2026-48 2026W48 2026-W4 2026-W480 W48 last-week ''; do
	status "--week '$w' is a usage error"	64 empathy-journal review --week "$w"
done
status 'an argument is a usage error'	64 empathy-journal review "$week"

# Prompts come from content: a broken file is 78, 'missing' stands in when there is no 'review'.
mkdir "$T/broken" "$T/other"
printf 'kind: prompts\nid: review\nprompts: [one, two\n' >"$T/broken/prompts.yaml"
status 'a broken content file is 78'	78 empathy-journal --content "$T/broken" review --week "$week"
like   'named with its line and column'	"$(err)" "$T/broken/prompts.yaml:[0-9]+:[0-9]+: "
printf 'kind: prompts\nid: missing\nprompts: [What am I missing here?]\n' >"$T/other/prompts.yaml"
ok     "a content path with only 'missing' prompts"	env EMPATHY_CONTENT="$T/other" empathy-journal review --week "$week"
same   'asks those'	"$(out | prompts)" '  - What am I missing here?'
