#!/bin/sh
# tags: every tag of the entries not removed, with how many carry it, the most used first.
. "${0%/*}/lib.sh"

add() { _u=$1; shift; echo "a moment" | empathy-journal -u "$_u" add --seen "$@" >/dev/null; }

status 'no entries, no tags: 1'	1 empathy-journal tags
same   'and nothing printed'	"$(out)" ''
ok     'an entry without tags'	add sara
status 'still no tags: 1'	1 empathy-journal tags

ok     'sara: home, work'	add sara --tag home --tag work
ok     'sara: Home again'	add sara --tag Home
ok     'alex: home, tea'	add alex --tag '#home' --tag tea
ok     'alex: work'	add alex --tag work --date -2
ok     'alex: zen'	add alex --tag zen --date -3

ok     'tags'	empathy-journal tags
same   'counted over both partners, most used first, then by name'	"$(out)" '     3  #home
     2  #work
     1  #tea
     1  #zen'
ok     'tags -f tsv'	empathy-journal tags -f tsv
same   'a header, then tag and count'	"$(out)" 'tag	count
home	3
work	2
tea	1
zen	1'
ok     'tags -f json'	empathy-journal tags -f json
same   'one object per tag, count a number'	"$(out)" '{"tag":"home","count":3}
{"tag":"work","count":2}
{"tag":"tea","count":1}
{"tag":"zen","count":1}'

zen=$(sql "select id from entry where tags = 'zen'")
ok     'alex removes the zen entry'	empathy-journal -u alex rm "$zen"
ok     'tags'	empathy-journal tags -f tsv
same   'a removed entry does not count'	"$(out | cut -f1 | sed 1d | paste -sd ' ')" 'home work tea'
ok     'alex brings it back'	empathy-journal -u alex restore "$zen"
same   'zen is back'	"$(empathy-journal tags -f tsv | grep zen)" 'zen	1'

tea=$(sql "select id from entry where tags = 'home tea'")
ok     'alex re-tags the tea entry'	empathy-journal -u alex edit --untag home --tag kitchen "$tea" </dev/null
ok     'tags'	empathy-journal tags -f tsv
same   'the counts follow the edit'	"$(out)" 'tag	count
home	2
work	2
kitchen	1
tea	1
zen	1'
same   'the same for alex'	"$(empathy-journal -u alex tags -f tsv)" "$(out)"
status 'tags takes no argument'	64 empathy-journal tags home
status 'nor an unknown option'	64 empathy-journal tags --all
