#!/bin/sh
# review names the five tags used most this week and counts the rest: none is left out silently.
. "${0%/*}/lib.sh"

add() { echo 'a moment' | empathy-journal add --seen "$@" >/dev/null; }

ok     'five tags'	add --tag one --tag two --tag three --tag four --tag five
ok     'review'	empathy-journal review
same   'all five, and no "more"'	"$(out | grep -A1 '^Tags this week')" 'Tags this week: #five 1, #four 1, #one 1, #three 1, #two 1'
ok     'a sixth, and a second use of one'	add --tag six --tag one
ok     'review'	empathy-journal review
same   'the five most used, then how many more'	"$(out | sed -n '/^Tags this week/,/^$/p' | paste -sd ' ' | sed 's/  */ /g; s/ $//')" \
       'Tags this week: #one 2, #five 1, #four 1, #six 1, #three 1, and 1 more'
i=0
tags=''
while [ $i -lt 40 ]; do tags="$tags --tag extra-tag-number-$i"; i=$((i + 1)); done
ok     'forty tags more, with long names'	add $tags
ok     'review'	empathy-journal review
like   'says how many more'	"$(out | sed -n '/^Tags this week/,/^$/p' | paste -sd ' ')" ', and 41 more *$'
same   'fits 80 columns'	"$(out | awk 'length($0) > 80')" ''
