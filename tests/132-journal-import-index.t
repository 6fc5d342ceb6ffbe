#!/bin/sh
# The search index after a large import and after the upgrade to schema 5:
# every entry indexed once, edits within one import reindexed, and FTS5 left
# to batch its writes (it used to flush after every entry, five times slower).
. "${0%/*}/lib.sh"

n=400
# n entries, then a newer copy of entry 7 with other words, as one input.
awk -v n=$n 'BEGIN {
	for (i = 1; i <= n; i++)
		printf "{\"type\":\"entry\",\"id\":\"%016x\",\"user\":\"sara\",\"date\":\"2026-10-%02d\",\"kind\":\"seen\",\"text\":\"moment %d with tea and word%d\",\"tags\":\"\",\"removed\":null,\"created\":\"2026-10-01T10:00:00.000Z\",\"updated\":\"2026-10-01T10:00:00.000Z\"}\n", i, i % 28 + 1, i, i
	printf "{\"type\":\"entry\",\"id\":\"%016x\",\"user\":\"sara\",\"date\":\"2026-10-08\",\"kind\":\"seen\",\"text\":\"rewritten about coffee\",\"tags\":\"\",\"removed\":null,\"created\":\"2026-10-01T10:00:00.000Z\",\"updated\":\"2026-10-02T10:00:00.000Z\"}\n", 7
}' >"$T/in.jsonl"

ok     'import 400 entries and an edit of one'	empathy-journal import <"$T/in.jsonl"
same   'all counted; the text the edit replaced is kept aside'	"$(out)" '400 added, 1 updated, 0 unchanged, 1 earlier version kept'
same   'the index agrees with the table'	"$(sql "insert into entry_fts (entry_fts) values ('integrity-check'); select 'ok'")" ok
same   'every entry is found by its own word'	"$(empathy-journal list --grep 'word1*' -f tsv | awk 'NR > 1' | wc -l)" 111
same   'a common word finds all but the edited one'	"$(sql "select count(*) from entry_fts where entry_fts match 'tea'")" 399
same   'the edited entry by its new words'	"$(empathy-journal list --grep coffee -f tsv | cut -f6 | tail -1)" 'rewritten about coffee'
status 'not by its old ones'	1 empathy-journal list --grep word7

# FTS5's structure record: a 4-byte cookie, then varints: levels, segments,
# and the count of segments ever written. One per entry means a flush each.
written() {
	sql "select hex(substr(block, 5, 16)) from entry_fts_data where id = 10" |
	    awk '{
		v = 0; k = 0
		for (i = 1; i <= length($0); i += 2) {
			b = index("0123456789ABCDEF", substr($0, i, 1)) * 16 - 17 + \
			    index("0123456789ABCDEF", substr($0, i + 1, 1))
			v = v * 128 + b % 128
			if (b < 128) { if (++k == 3) { print v; exit } v = 0 }
		}
	}'
}
w=$(written)
ok     "FTS5 wrote few segments for 400 entries ($w)"	test "$w" -ge 1 -a "$w" -lt 100

ok     'an entry added by hand is indexed too'	empathy-journal add --seen 'a zanzibar evening'
same   'found'	"$(empathy-journal list --grep zanzibar -f tsv | cut -f6 | tail -1)" 'a zanzibar evening'
same   'the index still agrees'	"$(sql "insert into entry_fts (entry_fts) values ('integrity-check'); select 'ok'")" ok

# A database as schema 4 left it: the insert trigger still there.
ok     'back to schema 4'	sql "CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
  INSERT INTO entry_fts (rowid, text) VALUES (new.rowid, new.text); END;
ALTER TABLE entry DROP COLUMN sealed;
PRAGMA user_version = 4;"
ok     'the next add upgrades it'	empathy-journal add --seen 'after the upgrade'
same   'to schema 5 or later'	"$(sql "select user_version >= 5 from pragma_user_version")" 1
same   'without the trigger'	"$(sql "select count(*) from sqlite_schema where name = 'entry_fts_insert'")" 0
same   'the new entry is indexed once'	"$(sql "insert into entry_fts (entry_fts) values ('integrity-check'); select count(*) from entry_fts where entry_fts match 'upgrade'")" 1
