/* gen: deterministic JSON Lines for the benchmarks, in the export format.
 * gen entry|checkin|result N [SEED]: N records; the same seed gives the same data.
 * Entries read like real moments (a fixed vocabulary, and one word, "lighthouse",
 * in about one in 500), carry tags from a short list and alternate two authors.
 * Records come oldest first, as an export has them, three entries (two
 * check-ins, two results) a day up to 2026-11-26: a week holds the same
 * records at every size, and a million entries reach back 900 years. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "em.h"

static const char *const words[] = {
	"when", "I", "came", "home", "he", "had", "already", "made", "tea", "and",
	"asked", "how", "the", "day", "went", "she", "noticed", "was", "quiet",
	"at", "dinner", "listened", "without", "fixing", "it", "remembered", "my",
	"sister's", "exam", "called", "after", "meeting", "laughed", "joke",
	"even", "though", "bad", "sat", "with", "me", "on", "stairs", "said",
	"nothing", "held", "hand", "heard", "that", "bored", "tired", "finished",
	"sentence", "wrongly", "planned", "weekend", "asking", "thanked", "small",
	"things", "carried", "shopping", "kept", "evening", "free", "for", "us",
	"what", "missing", "kettle", "rain", "train", "late", "early", "garden",
	"letter", "phone", "quietly", "gently", "apology", "hug", "walk", "park"
};
static const char *const tags[] = {
	"home", "work", "family", "evening", "weekend", "money", "kids", "health",
	"friends", "sleep"
};
static const char *const who[] = { "sara", "alex" };

static unsigned long long state;

/* xorshift64*: small, fast and the same everywhere. */
static unsigned long
rnd(unsigned long n)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (unsigned long)((state * 2685821657736338717ULL) >> 33) % n;
}

#define PICK(a)	(a[rnd(sizeof(a) / sizeof(a[0]))])

int
main(int argc, char *argv[])
{
	long	 n, i, base, k, len;
	char	 date[11], t[32], text[1024], tg[64], ans[16];
	const char *t1, *t2;

	if (argc < 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: gen entry|checkin|result N [seed]\n");
		return 64;
	}
	state = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
	state = state ? state : 42;
	em_date_parse("2026-11-26", &base);
	for (i = 1; i <= n; i++) {
		snprintf(t, sizeof(t), "2026-11-26T20:%02ld:%02ld.%03ldZ", i % 60,
		    i / 60 % 60, i % 1000);
		if (strcmp(argv[1], "entry") == 0) {
			em_date_fmt(base - (n - i) / 3, date);
			len = 12 + (long)rnd(30);
			text[0] = '\0';
			for (k = 0; k < len; k++) {
				strcat(text, k ? " " : "");
				strcat(text, PICK(words));
			}
			if (rnd(500) == 0)
				strcat(text, " by the lighthouse");
			tg[0] = '\0';
			if (rnd(10) < 6) {
				t1 = PICK(tags);
				t2 = rnd(10) < 3 ? PICK(tags) : t1;
				if (strcmp(t1, t2) == 0)
					snprintf(tg, sizeof(tg), "%s", t1);
				else
					snprintf(tg, sizeof(tg), "%s %s", strcmp(t1, t2) < 0 ?
					    t1 : t2, strcmp(t1, t2) < 0 ? t2 : t1);
			}
			printf("{\"type\":\"entry\",\"id\":\"%08lx%08lx\",\"user\":\"%s\","
			    "\"date\":\"%s\",\"kind\":\"%s\",\"text\":\"%s.\",\"tags\":\"%s\","
			    "\"removed\":null,\"created\":\"%s\",\"updated\":\"%s\"}\n",
			    i, rnd(0x7fffffff), who[i % 2], date, rnd(10) < 7 ? "seen" :
			    "misunderstood", text, tg, t, t);
		} else if (strcmp(argv[1], "checkin") == 0) {
			em_date_fmt(base - (n - i) / 2, date);
			printf("{\"type\":\"checkin\",\"id\":\"%08lx%08lx\",\"user\":\"%s\","
			    "\"date\":\"%s\",\"feeling\":\"tired\",\"underneath\":null,"
			    "\"high\":\"%s %s\",\"low\":\"%s %s\",\"created\":\"%s\","
			    "\"updated\":\"%s\"}\n", i, rnd(0x7fffffff), who[i % 2], date,
			    PICK(words), PICK(words), PICK(words), PICK(words), t, t);
		} else if (strcmp(argv[1], "result") == 0) {
			em_date_fmt(base - (n - i) / 2, date);
			snprintf(ans, sizeof(ans), "%lu,%lu,%lu,%lu", 1 + rnd(5), 1 + rnd(5),
			    1 + rnd(5), 1 + rnd(5));
			printf("{\"type\":\"result\",\"id\":\"%08lx%08lx\",\"user\":\"%s\","
			    "\"about\":\"%s\",\"instrument\":\"bandwidth\",\"date\":\"%s\","
			    "\"answers\":\"%s\",\"score\":%lu,\"created\":\"%s\","
			    "\"updated\":\"%s\"}\n", i, rnd(0x7fffffff), who[i % 2],
			    who[i % 2], date, ans, rnd(101), t, t);
		} else {
			fprintf(stderr, "gen: unknown kind %s\n", argv[1]);
			return 64;
		}
	}
	return 0;
}
