#!/bin/sh
# compare: how you see yourself against how your partner sees you, largest gaps first.
. "${0%/*}/lib.sh"

status 'compare before anything is taken'	1 empathy-assess compare self
like   'says to take it first'	"$(err)" 'you have not taken self yet: empathy-assess take self'
same   'nothing on stdout'	"$(out)" ''
ok     'sara rates alex'	empathy-assess take self --about alex --date -2 --answers 5,5,5,5,5,5,5,5,5,5
same   'stored by sara, about alex'	"$(sql 'select user, about, date from result')" "sara|alex|$(day -2)"
status 'her view of alex is not a view of herself'	1 empathy-assess compare self
like   'she still has to take it'	"$(err)" 'you have not taken self yet'
ok     'sara takes self'	empathy-assess take self --answers 4,4,4,2,2,2,4,4,4,4
status 'without a partner'\''s view compare says no'	1 empathy-assess compare self
# A note like every other: to a pipe or a log, one line that grep finds whole.
same   'with a hint for the partner, on one line'	"$(err)" \
       'empathy-assess: nobody has rated you on self yet; your partner can with: empathy-assess take self --about sara'
pty 'empathy-assess compare self' >/dev/null
same   'at a terminal too, 1'	$? 1
same   'where it is wrapped to 80 columns'	"$(awk 'length > 80' "$T/pty" | wc -l)" 0
like   'with the command whole, to copy'	"$(tr -d '\r' <"$T/pty")" '  empathy-assess take self --about sara'
same   'nothing on stdout'	"$(out)" ''

status 'alex has a view from sara, but none of his own'	1 empathy-assess -u alex compare self
like   'he is told to take it'	"$(err)" 'you have not taken self yet: empathy-assess take self'
ok     'alex takes self, an older time'	empathy-assess -u alex take self --date -5 --answers 1,1,1,1,1,1,1,1,1,1
ok     'and again today'	empathy-assess -u alex take self --answers 3,3,3,3,3,3,3,3,3,3
ok     'sara rates alex again, today'	empathy-assess take self --about alex --answers 1,5,3,4,2,5,3,1,3,2

# Gaps in points (sara's view minus his, turned round on the reverse-scored
# items 4, 5 and 6, where a high answer is the weak spot): -2 +2 0 -1 +1 -2 0 -2 0 -1.
# Above 0 always means she sees more strength there than he does.
ok     'alex compares, tsv'	empathy-assess -u alex -f tsv compare self
same   'the header: the item, whether it is reverse-scored, then the two views'	"$(out | head -1)" "item	text	self	partner	gap	reverse	rater	self_date	self_score	rater_date	rater_score"
same   'the latest of each, answers as given, gaps turned round on reverse items, largest first, ties by item number' \
       "$(out | cut -f1,3-6)" "item	self	partner	gap	reverse
1	3	1	-2	0
2	3	5	2	0
6	3	5	-2	1
8	3	1	-2	0
4	3	4	-1	1
5	3	2	1	1
10	3	2	-1	0
3	3	3	0	0
7	3	3	0	0
9	3	3	0	0"
same   'each row carries the item text'	"$(out | awk -F'\t' '$1 == 6 { print $2 }')" \
       "$(empathy-assess show self -f tsv | awk -F'\t' '$1 == 6 { print $2 }')"
ok     '--user after the command is the same'	empathy-assess compare self -f tsv --user alex
same   'the same rows'	"$(out | cut -f1 | tr '\n' ' ')" 'item 1 2 6 8 4 5 10 3 7 9 '

ok     'json'	empathy-assess -u alex -f json compare self
same   'one object per item'	"$(out | wc -l)" 10
same   'keys item, text, self, partner, gap, reverse, then the views'	"$(out | jq -r 'keys_unsorted | join(",")' | sort -u)" 'item,text,self,partner,gap,reverse,rater,self_date,self_score,rater_date,rater_score'
same   'the two views, as the text heads them: who rated him, when, the scores'	"$(out | jq -c '[.rater, .self_date, .self_score, .rater_date, .rater_score]' | sort -u)" "[\"sara\",\"$(day 0)\",50,\"$(day 0)\",$(empathy-assess -u alex compare self | sed -n 's/^  sara.s view of you, on .*: \([0-9]*\) of 100$/\1/p')]"
same   'reverse is a boolean; the gap of item 6 is turned round'	"$(out | jq -c 'select(.item == 6) | [.self, .partner, .gap, .reverse]')" '[3,5,-2,true]'
same   'numbers are numbers'	"$(out | head -1 | jq -c '[.item, .self, .partner, .gap]')" '[1,3,1,-2]'

ok     'text'	empathy-assess -u alex compare self
same   'a title, then both views with their dates and scores' "$(out | head -3)" \
       "Empathy self-assessment
  you, on $(day 0): 50 of 100
  sara's view of you, on $(day 0): 38 of 100"
like   'a header row names both'	"$(out | grep '^largest')" '^largest gaps first +you +sara +gap$'
like   'the header says what the sign of a gap means'	"$(out | sed -n '5,7p' | tr '\n' ' ')" \
       '^The gap is in points of the scale: above 0, sara sees more strength in you there than you do; below 0, less\. On a statement marked \(reversed\), a high answer is the weak spot, so its gap is turned round\. $'
like   'a reverse-scored item is marked and its gap turned round'	"$(out | grep -A1 '^ 6\. ' | tr '\n' ' ')" \
       '^ 6\. There are subjects .* 3 +5 +-2 .*\(reversed\) $'
like   'so is one where his answer is higher'	"$(out | grep -A1 '^ 5\. ' | tr '\n' ' ')" ' 3 +2 +\+1 .*\(reversed\) $'
unlike 'an item scored the usual way is not marked'	"$(out | grep -A1 '^ 2\. ')" 'reversed'
same   'every line fits 80 columns'	"$(out | widest | awk '$1 > 80')" ''
same   'items in the order of their gaps'	"$(out | sed -n 's/^ *\([0-9][0-9]*\)\. .*/\1/p' | tr '\n' ' ')" '1 2 6 8 4 5 10 3 7 9 '
like   'a gap has its sign'	"$(out)" '^ 2\. I change my mind.* 3 +5 +\+2$'
like   'and so has a negative one'	"$(out)" '^ 1\. I ask my partner.* 3 +1 +-2$'
like   'no gap is 0'	"$(out)" '^ 3\. .* 3 +3 +0$'

status 'sara still has no view from alex'	1 empathy-assess compare self
ok     'alex rates sara'	empathy-assess -u alex take self --about sara --answers 4,4,4,2,2,2,4,4,4,4
ok     'now sara can compare'	empathy-assess -f tsv compare self
same   'no gaps at all: every row 0, in item order'	"$(out | cut -f1,5 | tail -n +2 | tr '\n' ' ')" \
       '1	0 2	0 3	0 4	0 5	0 6	0 7	0 8	0 9	0 10	0 '

status 'compare an unknown instrument'	66 empathy-assess compare nosuch
like   'names it'	"$(err)" "no instrument 'nosuch'"
status 'compare without an id'	64 empathy-assess compare
status 'compare with two ids'	64 empathy-assess compare self bandwidth
status 'compare another instrument nobody took'	1 empathy-assess compare bandwidth
like   'says so'	"$(err)" 'you have not taken bandwidth yet'
