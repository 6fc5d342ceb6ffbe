#!/bin/sh
# The front door's records carry what its text shows (issue 17): due says
# whether a check-in to answer is hidden and which challenge day is owed;
# today's challenge its days, who did it and the task; init one record.
. "${0%/*}/lib.sh"

ok     'alex checks in; sara has not'	empathy-checkin -u alex add --high 'a walk' --low 'rain'
ok     'a challenge starts'	empathy-challenge start one-week
status 'due'	0 empathy due
like   'the text: check in first'	"$(out)" "^check in first, then answer alex's check-in for $(day 0)\$"
like   'and the challenge day'	"$(out)" '^day 1 of 7 of the challenge one-week, not done yet$'
ok     'due -f json'	empathy due -f json
same   'hidden: the answer waits for your check-in'	"$(out | jq -c 'select(.what == "answer") | [.user, .hidden]')" '["alex",true]'
same   'your check-in is not hidden'	"$(out | jq -c 'select(.what == "checkin") | .hidden')" false
same   'the challenge: its name, day and days'	"$(out | jq -c 'select(.what == "challenge") | [.challenge, .day, .days, .hidden]')" '["one-week",1,7,false]'
same   'others have no challenge'	"$(out | jq -c 'select(.what != "challenge") | [.challenge, .day, .days]' | sort -u)" '[null,null,null]'
ok     'due -f tsv'	empathy due -f tsv
same   'one table'	"$(out)" "$(tab "what|user|date|hidden|challenge|day|days
checkin|sara|$(day 0)|0|||
answer|alex|$(day 0)|1|||
challenge|sara|$(day 0)|0|one-week|1|7")"
ok     'sara checks in'	empathy-checkin add --high 'tea' --low 'cold'
ok     'due -f json'	empathy due -f json
same   'the answer is no longer hidden'	"$(out | jq -c 'select(.what == "answer") | .hidden')" false

ok     'today -f json'	empathy today -f json
same   'the challenge: days, who did it, the task'	"$(out | jq -c 'select(.kind == "challenge") | [.what, .count, .days, .done, .partner_done, .task]')" \
       '["one-week",1,7,false,false,"Each of you tells the other about one fear or insecurity you seldom mention. The listener only takes it in and says back what they heard."]'
same   'owed answers say hidden'	"$(out | jq -c 'select(.kind == "owe") | [.what, .hidden]' | tr '\n' ' ')" '["answer",false] ["challenge",false] '
same   'first, the heading: whose day, and how much is owed'	"$(out | head -n 1 | jq -c '[.kind, .what, .user, .date, .count]')" "[\"today\",\"owe\",\"sara\",\"$(day 0)\",2]"
same   'never looked: the time is empty, counted 0'	"$(out | jq -c 'select(.kind == "looked") | [.what, .date, .count]')" '["since","",0]'
ok     'sara reads the news'	empathy news
ok     'today -f json'	empathy today -f json
like   'the time she last looked'	"$(out | jq -r 'select(.kind == "looked") | "\(.count) \(.date)"')" "^1 $(day 0)T[0-9:.]+Z\$"
ok     'alex does the day'	empathy-challenge -u alex done
ok     'today -f json'	empathy today -f json
same   'your partner did it'	"$(out | jq -c 'select(.kind == "challenge") | [.done, .partner_done]')" '[false,true]'
ok     'sara does it'	empathy-challenge done
ok     'today -f tsv'	empathy today -f tsv
same   'tsv: days, done, partner_done, task'	"$(out | awk -F'\t' '$1 == "challenge" { print $8, $9, $10 }')" '7 1 1'
like   'and the task'	"$(out | awk -F'\t' '$1 == "challenge" { print $11 }')" '^Each of you tells the other'

# init: one record, whatever the format; the code only where the text shows it.
ok     'init -f json: a new couple'	empathy -d "$T/a.db" init -f json
same   'one record'	"$(out | wc -l)" 1
same   'name, database, new, made, joined, passphrase, mailbox'	"$(out | jq -c '[.name, .database, .new, .made, .joined, .passphrase, .mailbox]')" "[\"sara\",\"$T/a.db\",true,true,false,false,null]"
same   'the couple is the one made'	"$(out | jq -r .couple)" "$(empathy -d "$T/a.db" init | sed -n 's/.*belongs to couple \([0-9a-f]*\);.*/\1/p')"
code=$(out | jq -r .code)
like   'the pairing code, as the text shows it'	"$code" '^[0-9A-Z]{4}(-[0-9A-Z]{4})+$'
same   'the config that names you'	"$(out | jq -c '[.config, .config_user]')" "[\"$XDG_CONFIG_HOME/empathy/config.yaml\",\"sara\"]"
same   'what to do next, as the text says'	"$(out | jq -r .next)" "on the other machine, run 'empathy init --join -' and paste the code when asked"
ok     'init again -f tsv'	empathy -d "$T/a.db" init -f tsv
same   'a header and a row: nothing made, no code, nothing next'	"$(out | cut -f1,3,5-9,12)" "$(tab "name|new|made|joined|passphrase|mailbox|code|next
sara|0|0|0|0|||")"
ok     'init --show-key -f json'	empathy -d "$T/a.db" init --show-key -f json
same   'the code it shows'	"$(out | jq -r .code)" "$code"
same   'and to keep it safe'	"$(out | jq -r .next)" 'keep the code on paper, somewhere safe'
mkdir -p "$T/box"
ok     'alex joins -f json, with a mailbox'	empathy -d "$T/b.db" -u alex init --join "$code" --dir "$T/box" -f json
same   'joined, the mailbox, no code, nothing next'	"$(out | jq -c '[.name, .made, .joined, .mailbox, .code, .next]')" "[\"alex\",false,true,\"$(cd "$T/box" && pwd -P)\",null,null]"
same   'the same couple'	"$(out | jq -r .couple)" "$(empathy -d "$T/a.db" init | sed -n 's/.*belongs to couple \([0-9a-f]*\);.*/\1/p')"
ok     'init -f text still talks'	empathy -d "$T/a.db" init
like   'in lines'	"$(out)" '^database: '
