#!/bin/sh
# Every checkin command's tsv and json carry what its text shows: how add
# changed the day, what a reply answers and whether it was an edit, how near
# a guess came, rm's day and whether it already was so, the deck's title.
. "${0%/*}/lib.sh"

ok     'sara checks in'	empathy-checkin add --high 'Tea' --low ''
ok     'she replaces it, in json'	empathy-checkin -f json add --replace --high 'Tea with Ann' --low ''
same   'change: replaced'	"$(out | jq -r .change)" replaced
ok     'she removes it'	empathy-checkin rm
ok     'and checks in again, in tsv'	empathy-checkin -f tsv add --high 'Cake' --low ''
same   'change: again, as the text says checked in again'	"$(out | sed -n 2p | cut -f 4)" again

ok     'rm -f json'	empathy-checkin rm -f json
same   'the day, and that it was not removed before'	"$(out | jq -c '[.type, .state, .date, .already]')" "[\"checkin\",\"removed\",\"$(day 0)\",false]"
ok     'rm again -f json'	empathy-checkin rm -f json
same   'already: true, as the text says was already removed'	"$(out | jq -c '[.state, .already]')" '["removed",true]'
ok     'restore -f tsv'	empathy-checkin restore -f tsv
same   'tsv: id, type, state, date, already'	"$(out | head -1)" "$(printf 'id\ttype\tstate\tdate\talready')"
same   'the row'	"$(out | sed -n 2p | cut -f 2-)" "$(printf 'checkin\tlive\t%s\t0' "$(day 0)")"

ok     'alex answers'	empathy-checkin -u alex respond --peek 'What kind of cake?'
ok     'sara replies, in json'	empathy-checkin reply -f json 'Lemon.'
j=$(out)
same   'to whom, which answer, its kind; not an edit'	"$(printf '%s' "$j" | jq -c '[.to, .kind, .edited]')" '["alex","question",false]'
same   'the answer is the stored one'	"$(printf '%s' "$j" | jq -r .answer)" "$(sql 'select id from response')"
r=$(printf '%s' "$j" | jq -r .id)
ok     'she edits the reply, in json'	empathy-checkin reply -f json --edit "$r" 'Lemon, with poppy seeds.'
same   'the same reply, answer and day; an edit'	"$(out | jq -c '[.id == "'"$r"'", .date, .to, .kind, .edited]')" "[true,\"$(day 0)\",\"alex\",\"question\",true]"
ok     'the edit as text'	empathy-checkin reply --edit "$r" 'Lemon.'
same   'says which reply'	"$(out)" "changed reply $r"

# A guess and how near it came, in text and in records alike.
ok     'alex checks in yesterday, annoyed, hurt underneath'	empathy-checkin -u alex add --date -1 --feeling annoyed:hurt --high h --low l
ok     'sara guesses scared (close: both under annoyed)'	empathy-checkin guess --date -1 --guess scared
ok     'alex checks in today, sad, lonely underneath'	empathy-checkin -u alex add --feeling sad:lonely --high h --low l
ok     'sara checks in yesterday'	empathy-checkin add --date -1 --high h --low l
ok     'show as text'	empathy-checkin show --since -1
like   'close'	"$(out)" 'you guessed scared \(close\)'
ok     'show -f json'	empathy-checkin show --since -1 -f json
same   'the verdict beside the guess'	"$(out | jq -c 'select(.user == "alex") | [.date, .guess, .guess_verdict]' | tr '\n' ' ')" \
       "[\"$(day -1)\",\"scared\",\"close\"] [\"$(day 0)\",null,null] "
ok     'show -f tsv'	empathy-checkin show --date -1 -f tsv
same   'tsv: the verdict in the last column'	"$(out | awk -F'\t' '$3 == "alex" { print $11 "|" $12 }')" 'scared|close'

# The deck's title, shown under the card in text.
mkdir -p "$T/c"
printf 'kind: prompts\nid: deck-x\ntitle: Little things\nprompts: [A card?]\n' >"$T/c/p.yaml"
ok     'prompt --deck as text'	env EMPATHY_CONTENT="$T/c" empathy-checkin prompt --deck
like   'the title under the card'	"$(out)" '^\(Little things, card 1 of 1\)$'
ok     'prompt --deck -f json'	env EMPATHY_CONTENT="$T/c" empathy-checkin prompt --deck -f json
same   'json has it too, and the numbers as numbers'	"$(out)" '{"kind":"deck-x","text":"A card?","theme":"x","card":1,"of":1,"title":"Little things"}'
