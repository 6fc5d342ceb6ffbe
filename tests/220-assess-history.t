#!/bin/sh
# history: your own scores over time, oldest first, each with a bar.
. "${0%/*}/lib.sh"

line() { printf '  %s  %3d  %-30s  %s' "$1" "$2" "$3" "$4"; }	# date score bar band
bar() { printf "%${1}s" '' | tr ' ' '#'; }

status 'history with nothing taken says no'	1 empathy-assess history
like   'and how to begin'	"$(err)" 'no results yet; take one with: empathy-assess take self'
same   'nothing on stdout'	"$(out)" ''
ok     'sara takes self three days ago'	empathy-assess take self --date -3 --answers 4,4,4,2,2,2,4,4,4,4
ok     'and, told later, ten days ago'	empathy-assess take self --date -10 --answers 3,3,3,3,3,3,3,3,3,3
ok     'and bandwidth yesterday'	empathy-assess take bandwidth --date -1 --answers 3,3,3,3
ok     'alex rates sara'	empathy-assess -u alex take self --about sara --answers 1,1,1,5,5,5,1,1,1,1
ok     'sara rates alex'	empathy-assess take self --about alex --answers 5,5,5,1,1,1,5,5,5,5

ok     'history'	empathy-assess history
same   'each instrument with its results in date order, a bar each; no views of or by alex' "$(out)" \
"Empathy bandwidth today (bandwidth)
$(line "$(day -1)" 50 "$(bar 15)" limited)

Empathy self-assessment (self)
$(line "$(day -10)" 50 "$(bar 15)" growing)
$(line "$(day -3)" 75 "$(bar 23)" attuned)"
ok     'history self'	empathy-assess history self
same   'only self' "$(out)" \
"Empathy self-assessment (self)
$(line "$(day -10)" 50 "$(bar 15)" growing)
$(line "$(day -3)" 75 "$(bar 23)" attuned)"
ok     'two results on one day'	empathy-assess take self --date -3 --answers 5,5,5,1,1,1,5,5,5,5
ok     'history self again'	empathy-assess history self
same   'the later one comes after'	"$(out | tail -2)" \
"$(line "$(day -3)" 75 "$(bar 23)" attuned)
$(line "$(day -3)" 100 "$(bar 30)" 'deeply attuned')"

ok     'tsv'	empathy-assess history -f tsv self
same   'header'	"$(out | head -1)" "date	instrument	score	answers	created	band"
same   'rows'	"$(out | tail -n +2 | cut -f1-4)" "$(day -10)	self	50	3,3,3,3,3,3,3,3,3,3
$(day -3)	self	75	4,4,4,2,2,2,4,4,4,4
$(day -3)	self	100	5,5,5,1,1,1,5,5,5,5"
like   'created is a UTC time'	"$(out | sed -n 2p | cut -f5)" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'
ok     'json'	empathy-assess history -f json
same   'four objects'	"$(out | wc -l)" 4
same   'keys'	"$(out | jq -r 'keys_unsorted | join(",")' | sort -u)" 'date,instrument,score,answers,created,band'
same   'score is a number, answers a string'	"$(out | jq -c 'select(.instrument == "bandwidth") | [.date, .score, .answers]')" \
       "[\"$(day -1)\",50,\"3,3,3,3\"]"
same   'band: the label the text shows after the bar'	"$(out | jq -r '[.score, .band] | join(" ")' | tr '\n' '|')" '50 limited|50 growing|75 attuned|100 deeply attuned|'

status 'alex has only rated sara: no history'	1 empathy-assess -u alex history
status 'nor for self'	1 empathy-assess -u alex history self
like   'the hint names the instrument'	"$(err)" 'take one with: empathy-assess take self'
status 'an instrument sara never took'	1 empathy-assess history overload
like   'the hint names it'	"$(err)" 'empathy-assess take overload'
status 'tsv with nothing found says no too'	1 empathy-assess history -f tsv overload
status 'an unknown instrument'	66 empathy-assess history nosuch
like   'names it'	"$(err)" "no instrument 'nosuch'"
status 'two instruments'	64 empathy-assess history self bandwidth

# On a UTF-8 terminal the bars are blocks, in eighths.
ok     'history in a UTF-8 locale'	env LC_ALL=C.UTF-8 empathy-assess history self
same   'full blocks, then the eighth that is left'	"$(out | sed -n 3p)" \
       "  $(day -3)   75  ██████████████████████▌         attuned"
