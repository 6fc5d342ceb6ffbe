#!/bin/sh
# guess: before you can see your partner's check-in, guess what lies
# underneath the feeling they named; the reveal shows your guess beside
# theirs; stats counts how often guesses named it or came close. Guesses
# travel by sync like any record.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

ok     'alex checks in, annoyed, hurt underneath'	empathy-checkin -u alex add --feeling annoyed:hurt --high 'Lunch with Jo' --low 'The meeting'
ok     'sara guesses'	empathy-checkin guess --guess Overlooked
same   'the words'	"$(out)" "guessed overlooked under alex's annoyed for $(day 0); it shows once you check in"
same   'stored in lower case, one guess'	"$(sql 'select user, word from guess')" 'sara|overlooked'
ok     'she guesses again: it replaces the first'	empathy-checkin guess -f json --guess scared
same   'json'	"$(out | jq -c '[.to, .feeling, .guess]')" '["alex","annoyed","scared"]'
same   'still one guess'	"$(sql 'select word from guess')" scared
ok     'from a pipe'	sh -c 'echo hurt | empathy-checkin guess'
same   'the piped one'	"$(sql 'select word from guess')" hurt
printf 'x%.0s' $(seq 1 300) >"$T/long"
status 'not a feeling'	65 empathy-checkin guess --guess "$(cat "$T/long")"
status 'alex cannot guess at his own'	64 empathy-checkin -u alex guess --to alex --guess x
ok     'alex checks in yesterday, no feeling'	empathy-checkin -u alex add --date -1 --high h --low l
status 'nothing to guess without a feeling'	66 empathy-checkin guess --date -1 --guess x
like   'says so'	"$(err)" 'no check-in for .* with a feeling and what lies underneath'

ok     'sara checks in'	empathy-checkin add --high 'A swim' --low 'Cold'
status 'now she can see it: no more guessing'	65 empathy-checkin guess --guess x
ok     'the reveal'	empathy-checkin show
like   'her guess beside his words'	"$(out)" 'you guessed hurt \(named it\)'
ok     'json'	empathy-checkin show -f json
same   'the guess of the one looking'	"$(out | jq -c '[.user, .guess]' | tr '\n' ' ')" '["sara",null] ["alex","hurt"] '
ok     'alex does not see her guess in his view of her check-in'	empathy-checkin -u alex show -f json
same   'his own guesses only'	"$(out | jq -c '[.user, .guess]' | tr '\n' ' ')" '["alex",null] ["sara",null] '

# Close: two feelings named together under one feeling of the vocabulary.
ok     'alex, two days ago: tired, overloaded underneath'	empathy-checkin -u alex add --date -2 --feeling grumpy:overloaded --high h --low l
ok     'sara guesses tired (close: both under grumpy)'	empathy-checkin guess --date -2 --guess tired
ok     'alex, three days ago'	empathy-checkin -u alex add --date -3 --feeling calm:rested --high h --low l
ok     'sara guesses far off'	empathy-checkin guess --date -3 --guess furious
ok     'sara checks in on those days'	sh -c 'empathy-checkin add --date -2 --high h --low l && empathy-checkin add --date -3 --high h --low l'
ok     'show them'	empathy-checkin show --since -3
like   'close'	"$(out)" 'you guessed tired \(close\)'
like   'not this time'	"$(out)" 'you guessed furious \(not this time\)'
ok     'stats'	empathy-checkin stats -f json
same   'sara: 3 guesses, 1 named, 1 close, all in the last 30 days'	"$(out | jq -c 'select(.user == "sara") | [.guesses, .named, .close, .guesses_30, .named_30, .close_30]')" '[3,1,1,3,1,1]'
ok     'stats as text'	empathy-checkin stats
like   'says it in words'	"$(out | tr '\n' ' ' | tr -s ' ')" 'guessing what lies underneath: sara named it 1 of 3, close 1 \(last 30 days: 1 of 3, close 1\)'
mkdir "$T/broken"
printf 'kind: emotions\nid: mine\nfeelings: [a, b\n' >"$T/broken/bad.yaml"
ok     'a broken feelings vocabulary: show still shows'	empathy-checkin --content "$T/broken" show --since -3
like   'a guess close by the vocabulary is now not this time'	"$(out)" 'you guessed tired \(not this time\)'
like   'the same word is still named'	"$(out)" 'you guessed hurt \(named it\)'
like   'and says why, naming the file'	"$(err)" 'broken/bad\.yaml:[0-9]+:[0-9]+: .*judged by its word alone'
same   'once'	"$(err | grep -c 'judged by its word alone')" 1
ok     'stats since yesterday leaves the older guesses out'	empathy-checkin stats --since -1 -f json
same   'only the first'	"$(out | jq -c 'select(.user == "sara") | [.guesses, .named]')" '[1,1]'

# Export, import, and two laptops.
ok     'export'	empathy-checkin export
same   'three guesses'	"$(out | jq -r 'select(.type == "guess") | .word' | sort | tr '\n' ' ')" 'furious hurt tired '
machine a sara
machine b alex
ok     'pair'	couple a b
ok     'alex checks in on his laptop'	as b empathy-checkin add --feeling worried:unprepared --high h --low l
ok     'sync out'	syncd b
deliver b a
ok     'sara syncs in'	syncd a
ok     'sara guesses on hers'	as a empathy-checkin guess --guess unprepared
ok     'sync out'	syncd a
deliver a b
ok     'alex syncs in'	syncd b
same   'her guess is on his laptop'	"$(sqlite3 "$(dbof b)" 'select user, word from guess')" 'sara|unprepared'
ok     'alex renamed al'	as b empathy partners rename alex al
same   'her guess follows his check-in under the new name'	"$(sqlite3 "$(dbof b)" "select g.user, g.word, c.user from guess g join checkin c on c.id = g.checkin")" 'sara|unprepared|al'
