#!/bin/sh
# list and tags on an empty journal say how to begin, in text; the status
# stays 1 in every format.
. "${0%/*}/lib.sh"

status 'list with no database yet: 1'	1 empathy-journal list
same   'nothing on stdout'	"$(out)" ''
like   'stderr says how to start'	"$(err)" '^empathy-journal: the journal is empty; write down a first moment with: empathy-journal add --seen'
status 'tags with no database yet: 1'	1 empathy-journal tags
same   'nothing on stdout'	"$(out)" ''
like   'stderr says how to start'	"$(err)" 'the journal is empty; .*add --seen'
status 'list -f json: 1 as well'	1 empathy-journal list -f json
same   'with nothing on stdout or stderr: the status says it'	"$(out)$(err)" ''
status 'tags -f tsv: 1'	1 empathy-journal tags -f tsv
same   'the header alone, and no hint'	"$(out)|$(err)" "$(tab 'tag|count')|"

ok     'one entry, no tag'	sh -c "echo 'He held the door' | empathy-journal add --seen"
status 'tags: still 1'	1 empathy-journal tags
like   'says how to give a tag'	"$(err)" '^empathy-journal: no entry has a tag yet; give one a tag with: empathy-journal edit --tag TAG ID$'
status 'a list that finds nothing: 1'	1 empathy-journal list --misunderstood
same   'and no hint: the journal is not empty'	"$(err)" ''
ok     'list finds the entry'	empathy-journal list
same   'no hint then'	"$(err)" ''

id=$(sql 'select id from entry')
ok     'the only entry removed'	empathy-journal rm "$id"
status 'list: 1'	1 empathy-journal list
like   'the journal counts as empty again'	"$(err)" 'the journal is empty'
