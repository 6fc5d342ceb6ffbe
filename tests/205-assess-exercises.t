#!/bin/sh
# take: the two weakest items, and the exercises from content that fit them.
. "${0%/*}/lib.sh"

# title ID: an exercise's title, read from the shipped content.
title() { awk -v id="$1" '$0 == "id: " id { getline; sub(/^title: /, ""); print; exit }' "$EM_SRCDIR/content/exercises.yaml"; }
same   'the shipped exercises have titles'	"$(title daily-checkin)|$(title pause-and-reset)" 'Daily check-in|Pause and reset'

# Points: 0 1 2 1 0 4 1 2 3 4; the weakest are item 1 and item 5 (both 0, in item order).
ok     'sara takes self'	empathy-assess take self --answers 1,2,3,4,5,1,2,3,4,5
same   'the score: 18 of 40 points'	"$(out | head -1)" 'Empathy self-assessment: 45 of 100 - growing'
same   'then where to grow: the two weakest items, each with an exercise to try' \
       "$(out | sed -n '/^Where there is most room to grow:$/,$p')" \
       "Where there is most room to grow:
  - I ask my partner questions to understand what they feel or need.
    try: $(title daily-checkin) (empathy-challenge show daily-checkin)
  - When my partner's feelings become too much for me, I withdraw.
    try: $(title pause-and-reset) (empathy-challenge show pause-and-reset)"
ok     'the same answers in json'	empathy-assess -f json take self --answers 1,2,3,4,5,1,2,3,4,5
same   '"exercises" lists the exercise ids of the two weakest items, weakest first'	"$(out | jq -r '.exercises | join(",")')" 'daily-checkin,pause-and-reset'
same   'as an array'	"$(out | jq -r '.exercises | type')" array
same   '"weakest" numbers those items, as numbers'	"$(out | jq -c .weakest)" '[1,5]'
same   '"meaning" is what the band means, as the text says it'	"$(out | jq -r '[.band, .meaning] | join(": ")')" 'growing: You tune in some of the time, and some habits still get in the way. Work on the exercises suggested for your weakest answers.'
ok     'and in tsv'	empathy-assess -f tsv take self --answers 1,2,3,4,5,1,2,3,4,5
same   'the exercises column, joined with ", "'	"$(out | awk -F'\t' 'NR == 2 { print $8 }')" 'daily-checkin, pause-and-reset'
same   'the weakest column'	"$(out | awk -F'\t' 'NR == 2 { print $10 }')" '[1,5]'

# Every answer at its best: nothing to work on.
ok     'all at their best (the reversed items at 1)'	empathy-assess take self --answers 5,5,5,1,1,1,5,5,5,5
same   'the score and band'	"$(out | head -1)" 'Empathy self-assessment: 100 of 100 - deeply attuned'
unlike 'no item is named as weak'	"$(out)" 'room to grow'
unlike 'no exercise is suggested'	"$(out)" 'try:'
ok     'in json'	empathy-assess -f json take self --answers 5,5,5,1,1,1,5,5,5,5
same   'the exercises are empty'	"$(out | jq -c .exercises)" '[]'
same   'and no item is weakest'	"$(out | jq -c .weakest)" '[]'

# All fives: the reversed items 4, 5 and 6 are the weak ones; ties go to the earlier.
ok     'all fives'	empathy-assess -f json take self --answers 5,5,5,5,5,5,5,5,5,5
same   'the weakest are items 4 and 5'	"$(out | jq -r '.exercises | join(",")')" 'silent-listening,pause-and-reset'
# The weakest is found wherever it is: points 3 3 3 2 ... 1 at item 10.
ok     'weakest at the end, the second weakest in the middle'	empathy-assess -f json take self --answers 4,4,4,3,2,2,4,4,4,2
same   'weakest first: item 10, then item 4'	"$(out | jq -r '.exercises | join(",")')" 'weekly-review,silent-listening'

# Only one item short of its best: one suggestion.
ok     'one item off its best'	empathy-assess take self --answers 5,5,5,1,1,1,5,4,5,5
same   'one item is named'	"$(out | grep -c '^  - ')" 1
like   'item 8'	"$(out)" '^  - I can stay with discomfort and uncertainty'
same   'one exercise to try'	"$(out | grep '^    try: ')" \
       "    try: $(title breaking-autopilot) (empathy-challenge show breaking-autopilot)"

# An item without an exercise is still named, with nothing to try.
mkdir -p "$T/c"
cat >"$T/c/mine.yaml" <<'YAML'
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 3}
items:
  - text: Plain item.
  - text: Item with an exercise.
    exercise: silent-listening
  - text: Fine item.
bands:
  - {from: 0, label: any, meaning: Any.}
YAML
ok     'a weak item without an exercise'	empathy-assess --content "$T/c" take mine --answers 1,2,3
same   'both weak items are named, one exercise tried' \
       "$(out | sed -n '/^Where there is most room to grow:$/,$p')" \
       "Where there is most room to grow:
  - Plain item.
  - Item with an exercise.
    try: $(title silent-listening) (empathy-challenge show silent-listening)"
ok     'in json'	empathy-assess --content "$T/c" -f json take mine --answers 1,2,3
same   'only the one exercise'	"$(out | jq -r '.exercises | join(",")')" 'silent-listening'

# Rating a partner suggests exercises for him the same way.
ok     'sara rates alex'	empathy-assess take self --about alex --answers 1,2,3,4,5,1,2,3,4,5
same   'the first line says whose view it is'	"$(out | head -1)" 'Your view of alex on Empathy self-assessment: 45 of 100 - growing'
like   'with the same suggestions'	"$(out)" "try: $(title pause-and-reset)"
