#!/bin/sh
# list and show: the instruments in content, every item numbered, reversed items marked.
. "${0%/*}/lib.sh"

status 'no command prints usage and fails'	64 empathy-assess
like   'the usage names the commands'	"$(err)" 'compare'
ok     '--help is usage on stdout'	empathy-assess --help
like   'it lists take with its options'	"$(out)" '^  take \[--about name \| --guess name\] \[--answers list\] \[--date date\] id$'
ok     '--version'	empathy-assess -V
like   'names the program'	"$(out)" '^empathy-assess [0-9]'
status 'an unknown command'	64 empathy-assess frob
like   'names it'	"$(err)" "unknown command 'frob'"
status 'an unknown format'	64 empathy-assess -f yaml list
like   'names it'	"$(err)" "unknown format 'yaml'"

ok     'list -f tsv'	empathy-assess list -f tsv
same   'the header'	"$(out | head -1)" "id	title	items"
same   'the six shipped instruments'	"$(out | tail -n +2 | cut -f1,3)" 'self	10
overload	7
performative	7
weaponised	7
habits	7
bandwidth	4'
same   'each with a title'	"$(out | tail -n +2 | cut -f2 | grep -c .)" 6
ok     'list as text'	empathy-assess list
same   'one line each'	"$(out | wc -l)" 6
same   'id, title and the number of questions'	"$(out | head -1)" 'self           Empathy self-assessment (10 questions)'
ok     'list -f json'	empathy-assess list -f json
same   'items is a number'	"$(out | jq -c 'select(.id == "bandwidth") | [.title, .items]')" '["Empathy bandwidth today",4]'
ok     'list after the options'	empathy-assess list -u alex -f tsv
same   'the same'	"$(out | wc -l)" 7
status 'list takes no argument'	64 empathy-assess list self

ok     'show self'	empathy-assess show self
same   'the title and id first'	"$(out | head -1)" 'Empathy self-assessment (self)'
like   'the scale with its labels'	"$(out)" '^Answer each from 1 \(never\), 2 \(rarely\), 3 \(sometimes\), 4 \(often\) to 5$'
same   'every item numbered 1 to 10, in order'	"$(out | sed -n 's/^ *\([0-9][0-9]*\)\. .*/\1/p' | tr '\n' ' ')" '1 2 3 4 5 6 7 8 9 10 '
same   'the reversed items 4, 5 and 6 are marked' \
       "$(out | grep -B1 'here a high answer is the weak spot' | sed -n 's/^ *\([0-9][0-9]*\)\. .*/\1/p' | tr '\n' ' ')" '4 5 6 '
same   'three marks in all'	"$(out | grep -c 'here a high answer is the weak spot')" 3
like   'the bands with their bounds'	"$(out)" '^ +65  attuned$'
ok     'show self -f tsv'	empathy-assess show self -f tsv
same   'the header'	"$(out | head -1)" "item	text	reverse	exercise	guess	kind	instrument	instrument_title	description	min	max	labels	from	label	meaning"
same   'ten items'	"$(out | awk -F'\t' '$6 == "item"' | wc -l)" 10
same   'the instrument first, with its description and scale'	"$(out | sed -n 2p | cut -f6-12)" "instrument	self	Empathy self-assessment	Ten statements about how you tune in to your partner, where you tend to fall short, and how you look after your own capacity. Answer for how things usually are, not for your best day.	1	5	never, rarely, sometimes, often, always"
same   'each item with the instrument'	"$(out | sed -n 3p | cut -f6-)" "item	self	Empathy self-assessment							"
same   'then the four bands'	"$(out | awk -F'\t' '$6 == "band" { print $13 "|" $14 }' | tr '\n' ' ')" '0|starting out 40|growing 65|attuned 85|deeply attuned '
same   'a band'"'"'s meaning'	"$(out | awk -F'\t' '$13 == 65 { print $7, $8, $15 }')" 'self Empathy self-assessment You usually make room for your partner'"'"'s inner world. Ask your partner to rate you too and compare the two views.'
same   'item 4: reversed, with its exercise'	"$(out | awk -F'\t' '$1 == 4 { print $3, $4 }')" '1 silent-listening'
same   'item 1: not reversed'	"$(out | awk -F'\t' '$1 == 1 { print $3, $4 }')" '0 daily-checkin'
ok     'show self -f json'	empathy-assess show self -f json
same   'keys of each kind'	"$(out | jq -r '.kind + ": " + (keys_unsorted | join(","))' | sort -u)" 'band: kind,instrument,instrument_title,from,label,meaning
instrument: kind,instrument,instrument_title,description,min,max,labels
item: item,text,reverse,exercise,guess,kind,instrument,instrument_title'
same   'reverse is a boolean'	"$(out | jq -c 'select(.kind == "item") | [.item, .reverse]' | sed -n 4p)" '[4,true]'
same   'the scale: numbers and its labels'	"$(out | head -1 | jq -c '[.min, .max, .labels]')" '[1,5,["never","rarely","sometimes","often","always"]]'
same   'the bands in order, from a number'	"$(out | jq -c 'select(.kind == "band") | [.from, .label]' | tr '\n' ' ')" '[0,"starting out"] [40,"growing"] [65,"attuned"] [85,"deeply attuned"] '
same   'every record names the instrument'	"$(out | jq -r '.instrument + "|" + .instrument_title' | sort -u)" 'self|Empathy self-assessment'
for i in overload performative weaponised habits bandwidth; do
	ok   "show $i"	empathy-assess show "$i"
	same "its items all numbered"	"$(out | grep -cE '^ ?[0-9]+\. ')" "$(empathy-assess list -f tsv | awk -F'\t' -v i="$i" '$1 == i { print $3 }')"
done
status 'show an unknown instrument'	66 empathy-assess show nosuch
like   'names it'	"$(err)" "no instrument 'nosuch'; see empathy-assess list"
status 'show without an id'	64 empathy-assess show
like   'asks for one'	"$(err)" 'give one instrument id'
status 'show with two ids'	64 empathy-assess show self bandwidth
ok     'list and show wrote no database'	test ! -e "$EMPATHY_DB"
