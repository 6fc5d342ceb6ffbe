#!/bin/sh
# take --guess: predict your partner's own answers; accuracy, history --accuracy, guess: false.
. "${0%/*}/lib.sh"

# The couple: sara and alex both write here.
ok     'alex takes bandwidth long ago'	empathy-assess -u alex take bandwidth --date -9 --answers 3,3,3,3
ok     'sara takes self'	empathy-assess take self --date -5 --answers 3,3,3,3,3,3,3,3,3,3

# --- A guess that waits: alex has not answered self since.
ok     'sara guesses how alex answers self'	empathy-assess take self --guess alex --date -2 --answers 4,5,3,1,2,5,5,5,5,1
like   'it is kept, and hidden from him until he answers'	"$(out | oneline)" 'Your guess at how alex answers Empathy self-assessment is kept\. alex will not see it before answering'
same   'stored as a guess by sara about alex'	"$(sql "select user, about, guess, answers from result where guess = 1")" 'sara|alex|1|4,5,3,1,2,5,5,5,5,1'
status 'accuracy: nothing to show while it waits'	1 empathy-assess accuracy self
like   'it says it waits'	"$(err)" 'waits for alex to take self'
status 'alex: nothing to show either'	1 empathy-assess -u alex accuracy self --by sara
like   'he learns a guess exists, not what it says'	"$(err | oneline)" 'sara guessed your answers to self on '"$(day -2)"
unlike 'no answers of it'	"$(out; err)" '4,5,3'
ok     'alex compares self'	empathy-assess -u alex take self --date -30 --answers 3,3,3,3,3,3,3,3,3,3
unlike 'answers from before the guess do not answer it'	"$(out)" 'guessed how you would answer'
status 'the guess is not a view of him: nobody has rated alex'	1 empathy-assess -u alex compare self
ok     'history: his own results only'	empathy-assess -u alex -f tsv history self
same   'one row'	"$(out | tail -n +2 | wc -l)" 1
status 'a guess is not news to alex (its score would tell)'	1 empathy -u alex news -q
ok     '-f json of a waiting guess'	empathy-assess take bandwidth --guess alex --answers 1,1,1,1 -f json
same   'answered, accuracy and items are null'	"$(out | jq -c '[.about, .answered, .accuracy, .items]')" '["alex",null,null,null]'

# --- alex answers self the day after the guess, and again today: the guess
# is paired with his first own answers on or after its day.
ok     'alex answers self'	empathy-assess -u alex take self --date -1 --answers 5,5,5,1,1,1,5,5,5,5
like   'he is told sara guessed, and how to see how near'	"$(out | oneline)" 'sara guessed how you would answer; see how near the guess came with: empathy-assess accuracy self'
ok     'and again today'	empathy-assess -u alex take self --answers 1,1,1,1,1,1,1,1,1,1
unlike 'the guess is answered already'	"$(out)" 'guessed how you would answer'
ok     'accuracy self'	empathy-assess accuracy self
like   '9 items count (item 10 is guess: false): 28 of 36 = 78%'	"$(out | oneline)" "guessed on $(day -2), answered on $(day -1): 78% near, over 9 items"
like   'item 1: one point off of four: 75%'	"$(out)" '^ 1\. I ask my partner .* 4 +5 +75%$'
like   'item 6: the far end: 0%'	"$(out)" '^ 6\. There are subjects .* 5 +1 +0%$'
like   'item 10 is not counted: no figure'	"$(out)" '^10\. I ask my partner how well they feel understood by me\. +1 +5 +-$'
like   'said under it'	"$(out)" '^    \(not counted\)$'
like   'the furthest apart, to ask about'	"$(out)" '^Furthest apart; ask alex what lies behind these answers:$'
same   'items 6, 3 and 1, furthest first (ties to the earlier; item 10 never)' \
       "$(out | sed -n '/^Furthest/,$p' | grep '^  - ' | cut -c 5-20)" 'There are subjec
I can describe w
I ask my partner'
like   'with both answers'	"$(out | oneline)" 'guessed 5 \(always\); alex answered 1 \(never\)'
ok     'alex sees the same, worded for him'	empathy-assess -u alex accuracy self --by sara
like   'the same figure'	"$(out | oneline)" ": 78% near, over 9 items"
like   'worded for the one who answered'	"$(out | oneline)" "sara's guess at how you answer .*tell sara what lies behind these"
ok     'alex, who never guessed, sees the guess at him without --by'	empathy-assess -u alex accuracy self
like   'the same view'	"$(out | oneline)" "sara's guess at how you answer .*: 78% near, over 9 items"
ok     'accuracy -f tsv'	empathy-assess accuracy self -f tsv
same   'a header and ten rows'	"$(out | head -1)" "$(tab 'guesser|about|instrument|guessed|answered|item|text|guess|answer|near|counted|accuracy|furthest')"
same   'item 3'	"$(out | awk -F'\t' '$6 == 3 { print $1, $2, $8, $9, $10, $11 }')" 'sara alex 3 5 50 1'
same   'item 10: no figure, not counted'	"$(out | awk -F'\t' '$6 == 10 { print $8, $9, "[" $10 "]", $11 }')" '1 5 [] 0'
ok     'accuracy -f json'	empathy-assess accuracy self -f json
same   'near is null where it does not count'	"$(out | jq -c 'select(.item == 10 or .item == 6) | [.item, .near, .counted]' | tr '\n' ' ')" '[6,0,true] [10,null,false] '
same   'accuracy: the whole guess'"'"'s, a number on every row, as the text says'	"$(out | jq -c .accuracy | sort -u)" 78
same   'furthest: the items the text asks about'	"$(out | jq -r 'select(.furthest == true) | .item' | tr '\n' ' ')" '1 3 6 '
ok     'a guess when his answers are in already'	empathy-assess take self --guess alex --answers 1,1,1,1,1,1,1,1,1,5
like   'shows how near it came at once'	"$(out | oneline)" "answered on $(day 0): 100% near, over 9 items"
unlike 'nothing to ask about'	"$(out)" 'Furthest'

# --- history --accuracy
ok     'history --accuracy'	empathy-assess history --accuracy
like   'grouped by instrument and guesser'	"$(out)" '^Empathy self-assessment \(self\): your guesses at alex.s answers$'
like   'the first guess'	"$(out)" "^  $(day -2)   78%  #+ *\$"
like   'the second'	"$(out)" "^  $(day 0)  100%  #{30}\$"
like   'the waiting bandwidth guess is counted, not shown'	"$(err)" '1 guess is still waiting'
ok     'history --accuracy self -f tsv'	empathy-assess history --accuracy self -f tsv
same   'rows by date'	"$(out)" "$(tab "guesser|about|instrument|guessed|answered|accuracy|items
sara|alex|self|$(day -2)|$(day -1)|78|9
sara|alex|self|$(day 0)|$(day 0)|100|9")"
ok     'alex sees sara'"'"'s guesses at him'	empathy-assess -u alex history --accuracy -f json
same   'the same figures'	"$(out | jq -c '[.guesser, .about, .accuracy]' | tr '\n' ' ')" '["sara","alex",78] ["sara","alex",100] '
status 'history --accuracy of an instrument with none in'	1 empathy-assess history --accuracy habits

# --- errors
status '--guess and --about together'	64 empathy-assess take self --guess alex --about alex --answers 1,1,1,1,1,1,1,1,1,1
like   'it says why'	"$(err)" '--about and --guess do not go together'
status '--guess yourself'	64 empathy-assess take self --guess SARA --answers 1,1,1,1,1,1,1,1,1,1
like   'it says to name your partner'	"$(err)" '--guess names you; name your partner'
status '--guess someone outside the couple'	64 empathy-assess take self --guess bob --answers 1,1,1,1,1,1,1,1,1,1
like   'naming the two partners'	"$(err)" 'bob is not your partner here \(the partners are alex and sara\)'
status '--guess with a name that is no name'	64 empathy-assess take self --guess -x --answers 1,1,1,1,1,1,1,1,1,1
status '--guess without a name'	64 empathy-assess take self --guess
status 'answers off the scale'	65 empathy-assess take self --guess alex --answers 9,1,1,1,1,1,1,1,1,1
ok     '--guess Alex is alex'	empathy-assess take bandwidth --guess Alex --answers 2,2,2,2 -f tsv
same   'spelled as the roster has it'	"$(out | tail -1 | cut -f4)" alex
status 'accuracy of an unknown instrument'	66 empathy-assess accuracy nosuch
status 'accuracy without an id'	64 empathy-assess accuracy
status 'accuracy --by someone else'	64 empathy-assess accuracy self --by bob
status 'no guess by alex yet'	1 empathy-assess accuracy self --by alex
status 'nothing stored by the refusals'	0 test "$(sql 'select count(*) from result where guess = 1')" -eq 4

# --- an export line written before guesses existed: imported as no guess
ok     'export'	empathy-assess export
out | grep '"about":"sara"' | head -1 >"$T/line.jsonl"
jq -c 'del(.guess)' "$T/line.jsonl" >"$T/old.jsonl"
ok     'an old line, without "guess"'	test -s "$T/old.jsonl"
ok     'imports into a new database'	empathy-assess -d "$T/new.db" import <"$T/old.jsonl"
same   'as a result that is no guess'	"$(sqlite3 "$T/new.db" 'select guess from result')" 0
ok     'and again, unchanged'	empathy-assess -d "$T/new.db" import <"$T/old.jsonl"
same   'nothing changed'	"$(out)" '0 added, 0 updated, 1 unchanged'
jq -c '.guess = "no"' "$T/line.jsonl" >"$T/bad.jsonl"
status '"guess" must be true or false'	65 empathy-assess -d "$T/new2.db" import <"$T/bad.jsonl"
like   'naming the line and field'	"$(err)" 'line 1: "guess" must be true or false'

# --- content: guess: false, and bad values
ok     'show marks the items not counted'	empathy-assess show self
like   'item 10'	"$(out | oneline)" '10\. I ask my partner how well they feel understood by me\. \(not counted when your partner guesses your answers\)'
ok     'show -f tsv'	empathy-assess show self -f tsv
same   'the guess column'	"$(out | awk -F'\t' '$6 == "item"' | cut -f1,5 | tr '\t\n' ': ')" '1:1 2:1 3:1 4:1 5:1 6:1 7:1 8:1 9:1 10:0 '
mkdir -p "$T/c"
cat >"$T/c/i.yaml" <<'YAML'
kind: instrument
id: two
title: Two things
scale: {min: 0, max: 10}
items:
  - text: One.
  - text: Two.
    guess: false
bands:
  - {from: 0, label: any, meaning: Anything.}
YAML
ok     'an instrument of two, one not counted'	empathy-assess --content "$T/c" take two --answers 10,0 -u alex
ok     'sara guesses'	empathy-assess --content "$T/c" take two --guess alex --answers 7,10
like   'only item 1 counts: 3 off of 10 = 70%'	"$(out | oneline)" '70% near, over 1 item '
sed 's/guess: false/guess: maybe/' "$T/c/i.yaml" >"$T/c/j.yaml" && rm "$T/c/i.yaml"
status 'guess: maybe is a content error'	78 empathy-assess --content "$T/c" show two
like   'with file, line and column'	"$(err)" 'j\.yaml:8:12: .guess. must be true or false'

# --- on a terminal: asked as a prediction, through the same prompts
got=$(ask 'empathy-assess take bandwidth --guess alex' '] ' '5
' '1
' '9
' '5
' '1
')
like   'it says whose answers are guessed'	"$got" 'Guess how alex will answer, about themselves\.'
like   'each item worded as a prediction'	"$got" '1/4  How will alex answer: I feel stressed today\. '
like   'with the scale'	"$got" '1 not at all   2 a little'
like   'a bad answer is asked again'	"$got" '\[1-5\] 9 +please answer with a number from 1 to 5'
like   'it waits for alex'	"$got" 'is kept\. .* exit 0 $'
same   'stored as a guess'	"$(sql "select answers from result where guess = 1 order by created desc limit 1")" 5,1,5,1
