#!/bin/sh
# The config file (user, db) and extra content directories (--content).
. "${0%/*}/lib.sh"

CFG=$XDG_CONFIG_HOME/empathy/config.yaml
# Run with neither EMPATHY_USER nor EMPATHY_DB, so the config decides.
bare() { env -u EMPATHY_USER -u EMPATHY_DB empathy-checkin "$@"; }

ok     'a config directory'	mkdir -p "$XDG_CONFIG_HOME/empathy"
printf 'user: alex\ndb: %s\n' "$T/cfg.db" >"$CFG"
ok     'with no flag or environment, the config names user and db'	bare add --high 'Cycled to work' --low 'Rain'
same   'alex checked in, in the config database'	"$(sqlite3 "$T/cfg.db" 'select user, high from checkin')" 'alex|Cycled to work'
ok     'EMPATHY_DB was not used'	test ! -e "$EMPATHY_DB"
ok     'EMPATHY_USER wins over the config user'	env -u EMPATHY_DB EMPATHY_USER=sara empathy-checkin add --high 'h' --low 'l'
status '-u wins too: chris, a third name, is refused'	64 bare -u chris add --high 'h' --low 'l'
like   'naming the two partners'	"$(err)" 'chris is not a partner here: .* has alex and sara'
same   'both in the config database, nobody else'	"$(sqlite3 "$T/cfg.db" 'select user from checkin order by user')" 'alex
sara'
ok     'EMPATHY_DB wins over the config db'	env -u EMPATHY_USER empathy-checkin add --high 'h' --low 'l'
same   'alex went to EMPATHY_DB'	"$(sql 'select user from checkin')" alex

printf 'user: alex\ndb: [%s\n' "$T/cfg.db" >"$CFG"
status 'a broken config file'	78 bare add --date -1 --high 'h' --low 'l'
like   'the message is config.yaml:LINE:COL'	"$(err)" 'config\.yaml:[0-9]+:[0-9]+: '
same   'nothing stored'	"$(sqlite3 "$T/cfg.db" "select count(*) from checkin where date = '$(day -1)'")" 0
printf 'user: [alex, sara]\n' >"$CFG"
status 'a config user that is a list'	78 bare add --date -1 --high 'h' --low 'l'
like   'names where'	"$(err)" 'config\.yaml:1:[0-9]+: '
ok     'remove the config'	rm "$CFG"

# --content: a directory searched first; same kind and id overrides.
ok     'a content directory'	mkdir "$T/mine"
printf 'kind: prompts\nid: question\ntitle: Mine\nprompts: [Only this question?]\n' >"$T/mine/prompts.yaml"
for i in 1 2 3; do
	ok   "prompt --kind question $i"	empathy-checkin --content "$T/mine" prompt --kind question
	same "it is the one prompt of mine"	"$(out)" 'Only this question?'
done
ok     'other kinds still come from the shipped content'	empathy-checkin prompt --content "$T/mine" --kind missing
unlike 'not mine'	"$(out)" 'Only this question'
ok     'without --content the shipped prompts are back'	empathy-checkin prompt --kind question
unlike 'not mine'	"$(out)" 'Only this question'

ok     'a broken content directory'	mkdir "$T/broken"
printf 'kind: prompts\nid: question\nprompts: [a, b\n' >"$T/broken/bad.yaml"
status 'broken YAML is a content error'	78 empathy-checkin --content "$T/broken" prompt
like   'it names file:line:col'	"$(err)" 'broken/bad\.yaml:[0-9]+:[0-9]+: '
ok     'a content file of an unknown kind'	mkdir "$T/odd"
printf 'kind: recipes\nid: soup\n' >"$T/odd/odd.yaml"
status 'an unknown kind is a content error'	78 empathy-checkin --content "$T/odd" feelings
like   'it names file:line:col and the kind'	"$(err)" "odd/odd\\.yaml:1:[0-9]+: .*'recipes'"
status 'a missing --content directory'	66 empathy-checkin --content "$T/nosuch" prompt
like   'it names the directory'	"$(err)" "$T/nosuch"

# The rest of the search path: $EMPATHY_CONTENT (colon-separated), then the user's own.
ok     'another content directory'	mkdir "$T/env1" "$T/env2"
printf 'kind: prompts\nid: missing\nprompts: [What did I miss (env1)?]\n' >"$T/env1/p.yaml"
printf 'kind: prompts\nid: question\nprompts: [A question from env2?]\n' >"$T/env2/p.yaml"
ok     'EMPATHY_CONTENT with two directories'	env EMPATHY_CONTENT="$T/env1:$T/env2:$EMPATHY_CONTENT" empathy-checkin prompt --kind missing
same   'the first one is searched'	"$(out)" 'What did I miss (env1)?'
ok     'and the second one'	env EMPATHY_CONTENT="$T/env1:$T/env2:$EMPATHY_CONTENT" empathy-checkin prompt --kind question
same   'overrides the shipped questions'	"$(out)" 'A question from env2?'
ok     '--content comes before EMPATHY_CONTENT'	env EMPATHY_CONTENT="$T/env2:$EMPATHY_CONTENT" empathy-checkin --content "$T/mine" prompt --kind question
same   'so mine wins'	"$(out)" 'Only this question?'
ok     'a per-user content directory'	mkdir -p "$XDG_CONFIG_HOME/empathy/content"
printf 'kind: prompts\nid: reflection\nprompts: [A reflection of my own.]\n' >"$XDG_CONFIG_HOME/empathy/content/mine.yaml"
ok     'it is used when nothing earlier has that document'	env -u EMPATHY_CONTENT empathy-checkin prompt --kind reflection
same   'my reflection'	"$(out)" 'A reflection of my own.'
printf 'kind: prompts\nid: reflection\nprompts: [A second copy.]\n' >"$XDG_CONFIG_HOME/empathy/content/copy.yaml"
status 'the same kind and id twice in one directory'	78 env -u EMPATHY_CONTENT empathy-checkin prompt --kind reflection
like   'is reported with both places'	"$(err)" "mine\\.yaml:[0-9]+:[0-9]+: duplicate .*'reflection'.*copy\\.yaml:[0-9]+:[0-9]+|copy\\.yaml:[0-9]+:[0-9]+: duplicate .*'reflection'.*mine\\.yaml:[0-9]+:[0-9]+"
