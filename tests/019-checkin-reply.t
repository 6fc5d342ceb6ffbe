#!/bin/sh
# reply: the partner who checked in answers back; show gives the thread in
# order; a reply is its writer's alone to change or delete; it travels by
# export, import and sync like any record.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

replies() { sql "select count(*) from reply"; }

ok     'sara checks in'	empathy-checkin add --high 'Finished the quilt' --low 'Mum called about the house'
ok     'alex checks in'	empathy-checkin -u alex add --high 'A long run' --low 'The code review'
status 'no answer yet: nothing to reply to'	66 empathy-checkin reply 'Hello?'
like   'says so'	"$(err)" 'nobody has answered your check-in for [0-9-]+ yet'
ok     'alex asks'	empathy-checkin -u alex respond 'What did she want this time?'
ok     'sara replies'	empathy-checkin reply 'To sell the house, again.'
like   'to the question'	"$(out)" "^replied to alex's question on your check-in for $(day 0)\$"
ok     'alex reflects'	empathy-checkin -u alex respond 'That sounds tiring.'
ok     'sara replies from a pipe, to the newest answer'	sh -c 'echo "It is. Thank you for asking." | empathy-checkin reply -f json'
same   'to the reflection'	"$(out | jq -r .to)" alex
r2=$(out | jq -r .id)
a1=$(sql "select id from response where text like 'What did%'")
ok     'and once more to the first, by its id'	empathy-checkin reply --answer "$a1" 'Also the garden.'
same   'three replies'	"$(replies)" 3
status 'alex cannot reply to his own answer on her check-in'	66 empathy-checkin -u alex reply 'me too'
status 'an answer that is not to your check-in'	66 empathy-checkin reply --answer deadbeefdeadbeef 'x'
status 'a day without your check-in'	66 empathy-checkin reply --date -3 'x'

ok     'alex reads the thread'	empathy-checkin -u alex show
same   'answers in order, each followed by its replies'	"$(out | sed -n '/^  sara/,$p' | sed -n '4,$p' | sed 's/^ *//')" \
    '? alex  What did she want this time?
< sara  To sell the house, again.
< sara  Also the garden.
> alex  That sounds tiring.
< sara  It is. Thank you for asking.'
ok     'json: replies under their answer'	empathy-checkin -u alex show -f json
same   'in order'	"$(out | jq -c 'select(.user == "sara") | [.responses[] | [.text, [.replies[].text]]]')" \
    '[["What did she want this time?",["To sell the house, again.","Also the garden."]],["That sounds tiring.",["It is. Thank you for asking."]]]'

# Only the writer changes or deletes a reply.
status 'alex cannot change it'	66 empathy-checkin -u alex reply --edit "$r2" 'Forged'
status 'nor delete it'	66 empathy-checkin -u alex reply --rm "$r2"
ok     'sara changes it'	empathy-checkin reply --edit "$r2" 'It is. Thanks for noticing.'
same   'changed'	"$(sql "select text from reply where id = '$r2'")" 'It is. Thanks for noticing.'
ok     'and removes it'	empathy-checkin reply --rm "$r2"
same   'gone from the thread, kept to bring back: no tombstone'	"$(sql "select count(*) from live_reply")|$(sql "select count(*) from reply where id = '$r2' and removed is not null")|$(sql "select count(*) from tomb where rid = '$r2'")" '2|1|0'
status '--rm with --edit'	64 empathy-checkin reply --rm x --edit y
status '--rm takes no text'	64 empathy-checkin reply --rm x words

# Export and import carry replies.
ok     'export'	empathy-checkin export
same   'two live reply lines (the removed one travels too, marked)'	"$(out | jq -r 'select(.type == "reply" and .removed == null) | .text' | sort)" 'Also the garden.
To sell the house, again.'
out >"$T/ex.jsonl"
ok     'import into another database'	env EMPATHY_DB="$T/other.db" empathy-checkin import <"$T/ex.jsonl"
same   'the replies are there'	"$(sqlite3 "$T/other.db" 'select count(*) from live_reply')" 2

# A partner renamed: her replies are the new name's, under the same answers;
# alex's answers, renamed too, keep hers under them.
ok     'alex becomes al'	empathy partners rename alex al
same   'replies now under the answers of al'	"$(sql "select p.user, r.user, p.text from live_reply p join response r on r.id = p.response order by p.text")" 'sara|al|Also the garden.
sara|al|To sell the house, again.'
ok     'sara becomes sarah'	empathy -u al partners rename sara sarah
same   'her replies are sarah'"'"'s'	"$(sql "select p.user, r.user from live_reply p join response r on r.id = p.response order by p.text")" 'sarah|al
sarah|al'

# Two laptops: the reply reaches alex's, the delete too.
machine a sara
machine b alex
ok     'pair the laptops'	couple a b
ok     'sara checks in on hers'	as a empathy-checkin add --high 'h' --low 'l'
ok     'sync'	syncd a
deliver a b
ok     'alex syncs'	syncd b
ok     'alex checks in on his'	as b empathy-checkin add --high 'h2' --low 'l2'
ok     'alex asks on his'	as b empathy-checkin respond 'How was it?'
ok     'alex syncs it out'	syncd b
deliver b a
ok     'sara syncs it in'	syncd a
ok     'sara replies on hers'	as a empathy-checkin reply 'Better than I feared.'
ok     'sara syncs'	syncd a
deliver a b
ok     'alex syncs'	syncd b
ok     'alex sees the reply'	as b empathy-checkin show
like   'in the thread'	"$(out)" '< sara  Better than I feared\.'
rid=$(sqlite3 "$(dbof a)" 'select id from reply')
ok     'sara deletes it'	as a empathy-checkin reply --rm "$rid"
ok     'sync'	syncd a
deliver a b
ok     'alex syncs'	syncd b
same   'gone on alex'"'"'s laptop too'	"$(sqlite3 "$(dbof b)" 'select count(*) from live_reply')" 0
