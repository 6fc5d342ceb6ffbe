#!/bin/sh
# tsv and JSON carry what the text shows: a guess answered at once, an item
# without an exercise, a result about yourself that a guess answers.
. "${0%/*}/lib.sh"

ok     'alex answers self yesterday'	empathy-assess -u alex take self --date -1 --answers 5,5,5,1,1,1,5,5,5,5
ok     'sara guesses, from the day before: answered at once'	empathy-assess -f json take self --guess alex --date -2 --answers 4,5,3,1,2,5,5,5,5,1
same   'answered, how near and over how many items, as the text says'	"$(out | jq -c '[.answered, .accuracy, .items]')" "[\"$(day -1)\",78,9]"
ok     'the same in text'	empathy-assess accuracy self
like   'the figures'	"$(out | tr '\n' ' ')" ": 78% near, over 9 items"
ok     'a guess that waits, -f tsv'	empathy-assess -f tsv take bandwidth --guess alex --answers 1,1,1,1
same   'answered, accuracy and items empty'	"$(out | awk -F'\t' 'NR == 1 { print $6, $7, $8 } NR == 2 { print "[" $6 "][" $7 "][" $8 "]" }')" 'answered accuracy items
[][][]'

ok     'alex takes self again today'	empathy-assess -u alex take self --answers 3,3,3,3,3,3,3,3,3,3
ok     'sara guesses today'	empathy-assess take self --guess alex --answers 3,3,3,3,3,3,3,3,3,3
ok     'alex takes it once more today, -f json'	empathy-assess -u alex -f json take self --answers 3,3,3,3,3,3,3,3,3,3
same   'her guess took his earlier answers of today: guessed_by is null'	"$(out | jq -c .guessed_by)" null
ok     'sara takes self'	empathy-assess take self --date -3 --answers 3,3,3,3,3,3,3,3,3,3
ok     'alex guesses her, from before'	empathy-assess -u alex take self --guess sara --date -4 --answers 3,3,3,3,3,3,3,3,3,3
ok     'sara takes self on that day, -f json'	empathy-assess -f json take self --date -4 --answers 2,2,2,2,2,2,2,2,2,2
same   'guessed_by: who guessed the answers it gives, as the text says'	"$(out | jq -r .guessed_by)" alex

mkdir -p "$T/c"
cat >"$T/c/mine.yaml" <<'YAML'
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 3}
items:
  - text: Item with an exercise.
    exercise: silent-listening
  - text: Item without one.
  - text: Reversed, not for guesses.
    reverse: true
    guess: false
bands:
  - {from: 0, label: any, meaning: Any.}
YAML
ok     'show -f json with custom content'	empathy-assess --content "$T/c" -f json show mine
same   'exercise null where an item names none; reverse and guess booleans'	"$(out | jq -c 'select(.kind == "item") | [.item, .exercise, .reverse, .guess]' | tr '\n' ' ')" '[1,"silent-listening",false,true] [2,null,false,true] [3,null,true,false] '
ok     'show -f tsv'	empathy-assess --content "$T/c" -f tsv show mine
same   'empty, 1 and 0 in tsv'	"$(out | awk -F'\t' '$6 == "item"' | cut -f1,3-5 | tr '\t\n' ', ')" '1,0,silent-listening,1 2,0,,1 3,1,,0 '
