#!/bin/sh
# Existing databases upgrade in place with all their data, and the first
# sync carries everything. Sara and alex kept two version-6 databases in step
# by hand (export | import), so both hold the same records under the same
# random ids, and each a few of its own. Each runs `empathy init`: the data
# stays, one-per-something records take their derived ids (answers and days
# follow), the roster holds the two names that wrote; after one exchange the
# two databases are the same, with nothing twice.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

# v6 M: machine M's database as the version before sync made it, with the
# records both laptops had.
v6() {
	mkdir -p "$T/$1/data/empathy"
	sqlite3 "$(dbof "$1")" "
PRAGMA journal_mode = WAL;
CREATE TABLE checkin (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL,
  date TEXT NOT NULL, feeling TEXT, underneath TEXT, high TEXT NOT NULL,
  low TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  UNIQUE (user, date));
CREATE INDEX checkin_date ON checkin (date);
CREATE TABLE response (id TEXT PRIMARY KEY NOT NULL, checkin TEXT NOT NULL
  REFERENCES checkin (id) ON UPDATE CASCADE ON DELETE CASCADE, user TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'reflection')), text TEXT NOT NULL,
  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
  created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX response_checkin ON response (checkin);
CREATE TABLE entry (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL,
  date TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('seen', 'misunderstood')),
  text TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '', removed TEXT,
  created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX entry_date ON entry (date, created);
CREATE TABLE entry_version (id TEXT PRIMARY KEY NOT NULL, entry TEXT NOT NULL
  REFERENCES entry (id) ON UPDATE CASCADE ON DELETE CASCADE, text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX entry_version_entry ON entry_version (entry);
CREATE VIRTUAL TABLE entry_fts USING fts5 (text, content = 'entry',
  content_rowid = 'rowid', prefix = '2 3 4');
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
  INSERT INTO entry_fts (entry_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER entry_fts_update AFTER UPDATE OF text ON entry BEGIN
  INSERT INTO entry_fts (entry_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO entry_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TABLE result (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL,
  about TEXT NOT NULL, instrument TEXT NOT NULL, date TEXT NOT NULL,
  answers TEXT NOT NULL, score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX result_about ON result (about, instrument, date);
CREATE TABLE run (id TEXT PRIMARY KEY NOT NULL, challenge TEXT NOT NULL,
  start TEXT NOT NULL, days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),
  user TEXT NOT NULL, abandoned TEXT, created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE run_day (id TEXT PRIMARY KEY NOT NULL, run TEXT NOT NULL
  REFERENCES run (id) ON UPDATE CASCADE ON DELETE CASCADE, user TEXT NOT NULL,
  day INTEGER NOT NULL CHECK (day >= 1), date TEXT NOT NULL, note TEXT,
  created TEXT NOT NULL, updated TEXT NOT NULL, UNIQUE (run, user, day));
CREATE INDEX entry_user ON entry (user);
CREATE INDEX response_user ON response (user);
CREATE INDEX result_user ON result (user);
INSERT INTO checkin VALUES ('5ff58eecca7887b6', 'sara', '2026-01-05', 'hopeful', NULL,
  'old high of sara', 'old low of sara', '2026-01-05T20:00:00.638Z', '2026-01-05T20:00:00.638Z');
INSERT INTO checkin VALUES ('8c9f250248854ab6', 'alex', '2026-01-05', NULL, NULL,
  'old high of alex', 'old low of alex', '2026-01-05T21:00:00.754Z', '2026-01-05T21:00:00.754Z');
INSERT INTO response VALUES ('f148a5fbb4cfe7ff', '5ff58eecca7887b6', 'alex', 'question',
  'what made the old high matter?', 1, '2026-01-05T21:10:00.883Z', '2026-01-05T21:10:00.883Z');
INSERT INTO entry VALUES ('5940d08b8b81b5ae', 'sara', '2026-01-06', 'seen',
  'an old moment of sara, edited', 'home', NULL, '2026-01-06T09:00:01.064Z', '2026-01-07T10:00:00.649Z');
INSERT INTO entry VALUES ('83d50f460a79a1b3', 'alex', '2026-01-06', 'misunderstood',
  'an old moment of alex', 'work', NULL, '2026-01-06T09:05:00.223Z', '2026-01-06T09:05:00.223Z');
INSERT INTO entry VALUES ('d11569d50f14b491', 'sara', '2026-01-06', 'seen',
  'an old moment removed', '', '2026-01-07T10:05:00.857Z', '2026-01-06T09:07:00.392Z', '2026-01-07T10:05:00.857Z');
INSERT INTO entry_version VALUES ('35577c169f2e7e52', '5940d08b8b81b5ae',
  'an old moment of sara', 'home', '2026-01-07T10:00:00.648Z', '2026-01-07T10:00:00.648Z');
INSERT INTO result VALUES ('6a40061376374f23', 'sara', 'sara', 'bandwidth', '2026-01-08',
  '3,3,3,3', 50, '2026-01-08T08:00:01.052Z', '2026-01-08T08:00:01.052Z');
INSERT INTO run VALUES ('66783f1cd0de6d3e', 'one-week', '2026-01-08', 7, 'sara', NULL,
  '2026-01-08T08:10:00.212Z', '2026-01-08T08:10:00.212Z');
INSERT INTO run_day VALUES ('fd94bebf81302e91', '66783f1cd0de6d3e', 'sara', 1, '2026-01-08',
  'old note of sara', '2026-01-08T20:00:00.356Z', '2026-01-08T20:00:00.356Z');
INSERT INTO run_day VALUES ('52b9a5c0237f1044', '66783f1cd0de6d3e', 'alex', 2, '2026-01-09',
  'old note of alex', '2026-01-09T20:00:00.462Z', '2026-01-09T20:00:00.462Z');
$2
INSERT INTO entry_fts (entry_fts) VALUES ('rebuild');
PRAGMA user_version = 6;" >/dev/null && chmod 600 "$(dbof "$1")"
}

count() { sqlite3 "$(dbof "$1")" "$2"; }

machine a sara
machine b alex
ok     'sara'"'"'s laptop: a version-6 database, with a moment of her own'	v6 a \
    "INSERT INTO entry VALUES ('aaaa000000000001', 'sara', '2026-01-10', 'seen',
      'only on the laptop of sara', '', NULL, '2026-01-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z');"
ok     'alex'"'"'s: the same, with a moment and a check-in of his own'	v6 b \
    "INSERT INTO entry VALUES ('bbbb000000000001', 'alex', '2026-01-10', 'seen',
      'only on the laptop of alex', '', NULL, '2026-01-10T09:30:00.000Z', '2026-01-10T09:30:00.000Z');
     INSERT INTO checkin VALUES ('bbbb0000000000c1', 'alex', '2026-01-10', NULL, NULL,
      'alex high of the tenth', 'alex low of the tenth', '2026-01-10T21:00:00.000Z', '2026-01-10T21:00:00.000Z');"
ok     'sara runs empathy init on hers'	couple a
ok     'the schema moved on'	test "$(count a 'pragma user_version')" -gt 6
same   'the database is sound'	"$(count a 'pragma integrity_check')" ok

cs=$(derive checkin sara 2026-01-05)
ca=$(derive checkin alex 2026-01-05)
run=$(derive run one-week 0)
same   'sara'"'"'s check-in has its derived id'	"$(count a "select id from checkin where user = 'sara'")" "$cs"
same   'alex'"'"'s too'	"$(count a "select id from checkin where user = 'alex'")" "$ca"
same   'with their texts'	"$(count a "select high from checkin where id = '$cs'") / $(count a "select high from checkin where id = '$ca'")" 'old high of sara / old high of alex'
same   'the answer follows its check-in'	"$(count a "select checkin || ' ' || text from response")" "$cs what made the old high matter?"
same   'the run has its derived id'	"$(count a 'select id from run')" "$run"
same   'its days follow, with their derived ids'	"$(count a "select id || ' ' || run || ' ' || note from run_day order by day")" \
    "$(derive run_day "$run" sara 1) $run old note of sara
$(derive run_day "$run" alex 2) $run old note of alex"
same   'the moments keep their ids and texts'	"$(count a "select id || ' ' || text from entry order by id")" \
    '5940d08b8b81b5ae an old moment of sara, edited
83d50f460a79a1b3 an old moment of alex
aaaa000000000001 only on the laptop of sara
d11569d50f14b491 an old moment removed'
same   'the removed one stays removed'	"$(count a "select count(*) from entry where id = 'd11569d50f14b491' and removed is not null")" 1
same   'the earlier text is kept'	"$(count a "select text from entry_version")" 'an old moment of sara'
same   'the result is there'	"$(count a "select id || ' ' || score from result")" '6a40061376374f23 50'
ok     'the journal finds the edited moment'	as a empathy-journal list --grep edited -f tsv
like   'by its text'	"$(out)" 'an old moment of sara, edited'
same   'the roster holds the two names that wrote'	"$(count a 'select name from partner order by name')" 'alex
sara'
ok     'checkin show still shows the old day'	as a empathy-checkin show --date 2026-01-05
like   'with the answer'	"$(out)" 'what made the old high matter'

ok     'alex runs empathy init on his, joining the couple'	couple a b
same   'his upgraded too'	"$(count b 'pragma integrity_check')" ok
same   'his copy of sara'"'"'s check-in has the same derived id'	"$(count b "select id from checkin where user = 'sara'")" "$cs"
ok     'a syncs'	syncd a
ok     'b syncs'	syncd b
deliver a b
deliver b a
ok     'a syncs again'	syncd a
ok     'b too'	syncd b
same   'the two databases are the same'	"$(dump a)" "$(dump b)"
same   'nothing twice: three check-ins'	"$(count a 'select count(*) from checkin')" 3
same   'one answer'	"$(count a 'select count(*) from response')" 1
same   'five moments'	"$(count a 'select count(*) from entry')" 5
same   'one version'	"$(count a 'select count(*) from entry_version')" 1
same   'one run, two days'	"$(count a 'select count(*) from run') $(count a 'select count(*) from run_day')" '1 2'
same   'each laptop'"'"'s own moment reached the other'	"$(count a "select count(*) from entry where text like 'only on the laptop of %'") $(count b "select count(*) from entry where text like 'only on the laptop of %'")" '2 2'
same   'and alex'"'"'s own check-in'	"$(count a "select id from checkin where high = 'alex high of the tenth'")" "$(derive checkin alex 2026-01-10)"
