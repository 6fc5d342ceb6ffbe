#!/bin/sh
# take: the score is PRODUCT.md's rule exactly (reverse items, halves rounded up), then its band.
. "${0%/*}/lib.sh"

C=$T/content
mkdir -p "$C"
# ten: the shape of the shipped self-assessment, 10 items on 1..5, items 4, 5 and 6 reversed.
cat >"$C/ten.yaml" <<'YAML'
kind: instrument
id: ten
title: Ten for the test
scale: {min: 1, max: 5, labels: [never, rarely, sometimes, often, always]}
items:
  - text: One.
  - text: Two.
  - text: Three.
  - text: Four, reversed.
    reverse: true
  - text: Five, reversed.
    reverse: true
  - text: Six, reversed.
    reverse: true
  - text: Seven.
  - text: Eight.
  - text: Nine.
  - text: Ten.
bands:
  - {from: 0, label: low, meaning: Low.}
  - {from: 50, label: high, meaning: High.}
---
kind: instrument
id: half
title: Two items for halves
scale: {min: 1, max: 5}
items:
  - text: First.
  - text: Second.
bands:
  - {from: 0, label: any, meaning: Any.}
---
kind: instrument
id: third
title: Three yes-or-no items for thirds
scale: {min: 0, max: 1}
items:
  - text: First.
  - text: Second.
  - text: Third.
bands:
  - {from: 0, label: any, meaning: Any.}
---
kind: instrument
id: pct
title: One item that is its own score
scale: {min: 0, max: 100}
items:
  - text: How much?
bands:
  - {from: 0, label: starting out, meaning: Zero up.}
  - {from: 40, label: growing, meaning: Forty up.}
  - {from: 65, label: attuned, meaning: Sixty-five up.}
  - {from: 85, label: deeply attuned, meaning: Eighty-five up.}
---
kind: instrument
id: rpct
title: One reversed item
scale: {min: 0, max: 100}
items:
  - text: How little?
    reverse: true
bands:
  - {from: 0, label: any, meaning: Any.}
---
kind: instrument
id: pair
title: Two items on 0..100
scale: {min: 0, max: 100}
items:
  - text: First.
  - text: Second.
bands:
  - {from: 0, label: any, meaning: Any.}
YAML

# score ID ANSWERS: take it as tsv; $(sc) is then the score column, $(bd) the band.
score() { ok "take $1 --answers $2" empathy-assess --content "$C" -f tsv take "$1" --answers "$2"; }
sc() { out | awk -F'\t' 'NR == 2 { print $6 }'; }
bd() { out | awk -F'\t' 'NR == 2 { print $7 }'; }

score ten 3,3,3,3,3,3,3,3,3,3
same   'take -f tsv has a header row'	"$(out | head -1)" "id	instrument	user	about	date	score	band	exercises	meaning	weakest	guessed_by"
same   'all middle answers score 50'	"$(sc)" 50
same   'the score is what was stored'	"$(sql 'select score from result')" 50
score ten 1,1,1,1,1,1,1,1,1,1
same   'all minimum: 7 items at 0, 3 reversed at 1, so 3/10 = 30'	"$(sc)" 30
score ten 5,5,5,5,5,5,5,5,5,5
same   'all maximum: 7 items at 1, 3 reversed at 0, so 7/10 = 70'	"$(sc)" 70
score ten 5,5,5,1,1,1,5,5,5,5
same   'best answers, the reversed ones low, score 100'	"$(sc)" 100
score ten 1,1,1,5,5,5,1,1,1,1
same   'worst answers score 0'	"$(sc)" 0
score ten 2,3,4,2,4,5,1,5,3,4
# (1+2+3 + 3+1+0 + 0+4+2+3) / 40 = 19/40 = 47.5 -> 48
same   'a mixed set: 19 of 40 points is 47.5, rounded up to 48'	"$(sc)" 48
score ten 1,1,1,1,1,1,2,1,1,1
# 0+0+0 + 4+4+4 + 1+0+0+0 = 13/40 = 32.5 -> 33
same   'low answers on reversed items are strong: 13 of 40 is 32.5, so 33'	"$(sc)" 33

# The shipped self-assessment has this very shape, so it scores the same.
ok     'show self -f tsv'	empathy-assess show self -f tsv
same   'self: 10 items, items 4, 5 and 6 reversed'	"$(out | awk -F'\t' 'NR > 1 { printf "%s", $3 }')" 0001110000
ok     'the shipped self takes the mixed set too'	empathy-assess -f json take self --answers 2,3,4,2,4,5,1,5,3,4
same   'and scores 48 as well'	"$(out | jq -r .score)" 48

# Halves are rounded up, other fractions to the nearest.
score half 3,4
same   '2 of 1..5: 5 of 8 points is 62.5, so 63'	"$(sc)" 63
score half 1,2
same   '1 of 8 points is 12.5, so 13'	"$(sc)" 13
score half 5,4
same   '7 of 8 points is 87.5, so 88'	"$(sc)" 88
score half 1,1
same   'nothing at all is 0'	"$(sc)" 0
score third 1,0,0
same   'one third is 33 (nearest, not up)'	"$(sc)" 33
score third 0,1,1
same   'two thirds is 67 (nearest, not down)'	"$(sc)" 67
score pair 0,1
same   '0.5 rounds up to 1'	"$(sc)" 1
score pair 99,100
same   '99.5 rounds up to 100'	"$(sc)" 100
score pair 50,51
same   '50.5 rounds up to 51'	"$(sc)" 51
score rpct 30
same   'a reversed 30 on 0..100 is 70'	"$(sc)" 70
score rpct 100
same   'a reversed top answer is 0'	"$(sc)" 0

# Bands: each from its lower bound, the bound itself included.
for a in '0 starting out' '39 starting out' '40 growing' '64 growing' \
	'65 attuned' '84 attuned' '85 deeply attuned' '100 deeply attuned'; do
	score pct "${a%% *}"
	same "score ${a%% *} is in band '${a#* }'"	"$(sc)|$(bd)" "${a%% *}|${a#* }"
done
ok     'text output names score and band'	empathy-assess --content "$C" take pct --answers 65
same   'first line: title, score, band'	"$(out | head -1)" 'One item that is its own score: 65 of 100 - attuned'
same   'then the meaning of the band'	"$(out | sed -n 2p)" '  Sixty-five up.'
ok     'json output'	empathy-assess --content "$C" -f json take pct --answers 85
same   'the score is a number, the band its label'	"$(out | jq -c '[.score, .band]')" '[85,"deeply attuned"]'
same   'every result was stored'	"$(sql 'select count(*) from result')" 29
same   'each with its score'	"$(sql "select group_concat(score, ' ') from (select score from result where instrument = 'pct' order by created)")" \
       '0 39 40 64 65 84 85 100 65 85'
