#!/bin/sh
# Text for people fits in 80 columns: list, show, take, history, compare, and the prompts.
. "${0%/*}/lib.sh"

# wide: the lines of the last output longer than 80 columns (none, we hope).
wide() { out | awk 'length > 80'; }
# answers ID worst|best: the worst or best answers to a shipped instrument.
answers() {
	empathy-assess show "$1" -f tsv | awk -F'\t' -v w="$2" '$6 == "item" {
		if (w == "worst") a = $3 == 1 ? 5 : 1; else a = $3 == 1 ? 1 : 5
		printf "%s%s", (n++ ? "," : ""), a }'
}
ids='self overload performative weaponised habits bandwidth'

ok     'list'	empathy-assess list
same   'list fits'	"$(wide)" ''
for i in $ids; do
	ok   "show $i"	empathy-assess show "$i"
	same "show $i fits"	"$(wide)" ''
done
same   'the worst answers to self'	"$(answers self worst)" 1,1,1,5,5,5,1,1,1,1
for i in $ids; do
	ok   "take $i, worst answers, a week ago"	empathy-assess take "$i" --date -7 --answers "$(answers "$i" worst)"
	same "its result fits"	"$(wide)" ''
	ok   "take $i, best answers, today"	empathy-assess take "$i" --answers "$(answers "$i" best)"
	same "its result fits"	"$(wide)" ''
	ok   "sara rates christopher on $i"	empathy-assess take "$i" --about christopher --answers "$(answers "$i" worst)"
	same "her view of him fits"	"$(wide)" ''
	ok   "christopher rates sara on $i"	empathy-assess -u christopher take "$i" --about sara --answers "$(answers "$i" worst)"
done
same   'her own results span 0 to 100: the lowest and the highest bands'	"$(sql "select group_concat(distinct score) from (select score from result where user = about order by score)")" 0,100
ok     'history'	empathy-assess history
same   'history has twelve results'	"$(out | grep -c '^  [0-9]')" 12
same   'history fits, even with the longest band labels'	"$(wide)" ''
for i in $ids; do
	ok   "compare $i with christopher's view"	empathy-assess compare "$i"
	same "compare $i fits, even with an 11-letter partner"	"$(wide)" ''
done

# The questions on a terminal: every label of the habits scale is long.
got=$(printf '%s\n' 1 1 1 1 1 1 1 | { sleep 0.3; cat; } | script -qec 'empathy-assess take habits' /dev/null | tr -d '\r' | awk 'length > 80')
same   'the prompts of take fit too'	"$got" ''
