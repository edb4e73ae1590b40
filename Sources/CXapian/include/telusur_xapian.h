/*
 * telusur_xapian.h: a small plain-C face over Xapian 1.4 for telusur's Swift code.
 *
 * Rules of this header:
 *  - Only <stddef.h> and <stdint.h>; no Xapian or C++ type appears here.
 *  - Each Xapian role has its own incomplete struct: tx_writer (WritableDatabase),
 *    tx_database (Database, possibly several shards), tx_document, tx_query,
 *    tx_enquire, tx_results (MSet), tx_spy (ValueCountMatchSpy), tx_terms (a term
 *    list snapshot), tx_expansion (ESet snapshot).
 *  - Strings go in as (pointer, length) and are copied before the call returns;
 *    strings come out as pointers into a handle's own storage, valid until the
 *    handle is freed or the next call on it, unless stated otherwise.
 *  - Every function returns a tx_status (0 = ok) and writes results through
 *    out-parameters. On failure it fills *err (when err is not NULL) with the kind
 *    and a malloc'd message that the caller releases with tx_error_clear().
 *  - No C++ exception leaves any function: each body catches everything and tells
 *    the kind by the exception's class (Xapian's, std::bad_alloc, std::exception).
 *  - *_free functions accept NULL and never fail. Handles are not thread-safe:
 *    use one per thread.
 */
#ifndef TELUSUR_XAPIAN_H
#define TELUSUR_XAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error kinds follow Xapian's exception classes (exception_data.pm). */
typedef enum tx_status {
    TX_OK = 0,
    TX_ERR_DATABASE_LOCK = 1,        /* DatabaseLockError: another writer holds the lock */
    TX_ERR_DATABASE_MODIFIED = 2,    /* DatabaseModifiedError: reopen and retry */
    TX_ERR_DATABASE_OPENING = 3,     /* DatabaseOpeningError (not found, not a database) */
    TX_ERR_DATABASE_VERSION = 4,     /* DatabaseVersionError */
    TX_ERR_DATABASE_CORRUPT = 5,     /* DatabaseCorruptError */
    TX_ERR_DATABASE = 6,             /* any other DatabaseError */
    TX_ERR_DOC_NOT_FOUND = 7,        /* DocNotFoundError */
    TX_ERR_NETWORK_TIMEOUT = 8,      /* NetworkTimeoutError */
    TX_ERR_NETWORK = 9,              /* NetworkError (remote shard unreachable, closed) */
    TX_ERR_QUERY_PARSER = 10,        /* QueryParserError */
    TX_ERR_INVALID_ARGUMENT = 11,    /* InvalidArgumentError */
    TX_ERR_INVALID_OPERATION = 12,   /* InvalidOperationError */
    TX_ERR_UNIMPLEMENTED = 13,       /* UnimplementedError (e.g. a feature on a remote shard) */
    TX_ERR_RANGE = 14,               /* RangeError */
    TX_ERR_XAPIAN = 15,              /* another Xapian::Error */
    TX_ERR_NO_MEMORY = 16,           /* std::bad_alloc */
    TX_ERR_STD = 17,                 /* another std::exception */
    TX_ERR_UNKNOWN = 18              /* anything else thrown */
} tx_status;

/* A failure: the kind and a malloc'd, NUL-terminated message (owned by the struct). */
typedef struct tx_error {
    tx_status kind;
    char *message;
} tx_error;

/* Frees err->message and resets the struct. Accepts NULL. */
void tx_error_clear(tx_error *err);

/* A snapshot list of (string, number) pairs: terms and frequencies, or values and
 * document ids; read with tx_terms_count / tx_terms_get, free with tx_terms_free. */
typedef struct tx_terms tx_terms;

/* ---------------------------------------------------------------- documents */

typedef struct tx_document tx_document;

tx_status tx_document_new(tx_document **out, tx_error *err);
void tx_document_free(tx_document *doc);

/* Adds `count` positional terms packed in `bytes`: term i is lens[i] bytes long and
 * occurs at positions[i] (Xapian::Document::add_posting). */
tx_status tx_document_add_postings(tx_document *doc, const char *bytes,
                                   const uint32_t *lens, const uint32_t *positions,
                                   size_t count, tx_error *err);
/* Adds `count` terms without positions, packed as in tx_document_add_postings. */
tx_status tx_document_add_terms(tx_document *doc, const char *bytes, const uint32_t *lens,
                                size_t count, tx_error *err);
/* A term without position; wdf_inc 0 makes it a boolean filter term (add_boolean_term). */
tx_status tx_document_add_term(tx_document *doc, const char *term, size_t len,
                               uint32_t wdf_inc, tx_error *err);
/* Document::add_value(slot, value). */
tx_status tx_document_set_value(tx_document *doc, uint32_t slot, const char *value,
                                size_t len, tx_error *err);
/* Document::set_data(data). */
tx_status tx_document_set_data(tx_document *doc, const char *data, size_t len,
                               tx_error *err);

/* ------------------------------------------------------------------ writing */

typedef struct tx_writer tx_writer;

/* Opens or creates a writable database at path (WritableDatabase, DB_CREATE_OR_OPEN).
 * Fails with TX_ERR_DATABASE_LOCK when another writer holds it. */
tx_status tx_writer_open(const char *path, size_t len, tx_writer **out, tx_error *err);
/* Closes (WritableDatabase::close) and frees. Uncommitted changes are discarded. */
void tx_writer_free(tx_writer *w);

tx_status tx_writer_begin(tx_writer *w, tx_error *err);  /* begin_transaction(true) */
tx_status tx_writer_commit(tx_writer *w, tx_error *err); /* commit_transaction() */
tx_status tx_writer_cancel(tx_writer *w, tx_error *err); /* cancel_transaction() */

/* add_document; *docid receives the new document id. Does not consume doc. */
tx_status tx_writer_add(tx_writer *w, const tx_document *doc, uint32_t *docid,
                        tx_error *err);
/* replace_document(unique_term, doc): adds or replaces the documents indexed by term. */
tx_status tx_writer_replace(tx_writer *w, const char *term, size_t len,
                            const tx_document *doc, tx_error *err);
/* delete_document(term): removes every document indexed by term. *deleted receives
 * how many there were. */
tx_status tx_writer_delete(tx_writer *w, const char *term, size_t len,
                           uint32_t *deleted, tx_error *err);
/* Value `slot` of the first document indexed by term. *found is 0 when no document
 * has the term; the value is copied into a malloc'd buffer the caller frees with
 * tx_free(). */
tx_status tx_writer_first_value(tx_writer *w, const char *term, size_t len,
                                uint32_t slot, int *found, char **value,
                                size_t *value_len, tx_error *err);
/* For each document indexed by term (at most max; 0 = all): the value of slot and
 * the document id (as the term list's frequency). Sees uncommitted changes. */
tx_status tx_writer_values(tx_writer *w, const char *term, size_t len, uint32_t slot,
                           uint32_t max, tx_terms **out, tx_error *err);
tx_status tx_writer_set_metadata(tx_writer *w, const char *key, size_t key_len,
                                 const char *value, size_t value_len, tx_error *err);
/* Adds a word to the spelling dictionary (add_spelling). */
tx_status tx_writer_add_spelling(tx_writer *w, const char *word, size_t len,
                                 uint32_t freq, tx_error *err);
tx_status tx_writer_doccount(tx_writer *w, uint32_t *count, tx_error *err);

/* Frees a buffer malloc'd by this library. */
void tx_free(void *p);

/* ------------------------------------------------------------------ reading */

typedef struct tx_database tx_database;

/* An empty database; add shards with tx_database_add. */
tx_status tx_database_new(tx_database **out, tx_error *err);
void tx_database_free(tx_database *db);
/* Opens path (a database directory or a stub file listing local and remote shards)
 * and adds it to db (Database::add_database). */
tx_status tx_database_add(tx_database *db, const char *path, size_t len, tx_error *err);
/* Database::reopen(); *changed is 1 when a newer revision was opened. */
tx_status tx_database_reopen(tx_database *db, int *changed, tx_error *err);
tx_status tx_database_doccount(tx_database *db, uint32_t *count, tx_error *err);
/* get_lastdocid: the highest document id in use (interleaved over shards). */
tx_status tx_database_lastdocid(tx_database *db, uint32_t *docid, tx_error *err);
/* get_termfreq: how many documents index term. */
tx_status tx_database_termfreq(tx_database *db, const char *term, size_t len,
                               uint32_t *freq, tx_error *err);
/* get_metadata(key); the value is malloc'd (free with tx_free), "" when unset. */
tx_status tx_database_metadata(tx_database *db, const char *key, size_t key_len,
                               char **value, size_t *value_len, tx_error *err);
/* get_uuid(): the database's UUID; for several databases theirs joined by ':'. Malloc'd. */
tx_status tx_database_uuid(tx_database *db, char **value, size_t *value_len, tx_error *err);
/* The first document id indexed by term, or 0 in *docid when none. */
tx_status tx_database_first_doc(tx_database *db, const char *term, size_t len,
                                uint32_t *docid, tx_error *err);
/* Document data and one value slot of docid, malloc'd (free with tx_free). */
tx_status tx_database_document(tx_database *db, uint32_t docid, uint32_t slot,
                               char **data, size_t *data_len, char **value,
                               size_t *value_len, tx_error *err);
/* For each document indexed by term (at most max; 0 = all): the value of slot and
 * the document id (as the term list's frequency). */
tx_status tx_database_values(tx_database *db, const char *term, size_t len, uint32_t slot,
                             uint32_t max, tx_terms **out, tx_error *err);
/* Relevance-feedback expansion (Enquire::get_eset with an RSet of docids): the
 * max_terms best terms to find documents like these, best first. Terms with an
 * upper-case first letter (telusur's prefixed and boolean terms) are left out. */
tx_status tx_database_expand(tx_database *db, const uint32_t *docids, size_t count,
                             uint32_t max_terms, tx_terms **out, tx_error *err);
/* get_spelling_suggestion(word, max_edit_distance); "" when none. Malloc'd. */
tx_status tx_database_spelling(tx_database *db, const char *word, size_t len,
                               uint32_t max_edit_distance, char **out,
                               size_t *out_len, tx_error *err);

/* A snapshot of terms (allterms with a prefix) and their document frequencies. */
/* Up to `max` terms starting with prefix (0 = no limit). */
tx_status tx_database_terms(tx_database *db, const char *prefix, size_t len,
                            uint32_t max, tx_terms **out, tx_error *err);
/* How many distinct terms start with prefix (allterms_begin(prefix)), without copying them. */
tx_status tx_database_term_count(tx_database *db, const char *prefix, size_t len,
                                 uint64_t *count, tx_error *err);
/* The terms of one document that start with prefix (termlist_begin, skip_to),
 * in sorted order; the frequencies are the terms' document frequencies. */
tx_status tx_database_document_terms(tx_database *db, uint32_t docid, const char *prefix,
                                     size_t len, tx_terms **out, tx_error *err);
size_t tx_terms_count(const tx_terms *t);
/* Term i (prefix included) and its termfreq; the pointer lives as long as t. */
void tx_terms_get(const tx_terms *t, size_t i, const char **term, size_t *len,
                  uint32_t *freq);
void tx_terms_free(tx_terms *t);

/* ------------------------------------------------------------------ queries */

typedef struct tx_query tx_query;

/* Xapian::Query operators used by telusur (values match Xapian::Query::op). */
typedef enum tx_op {
    TX_OP_AND = 0,
    TX_OP_OR = 1,
    TX_OP_AND_NOT = 2,
    TX_OP_AND_MAYBE = 4,
    TX_OP_FILTER = 5,
    TX_OP_NEAR = 6,
    TX_OP_PHRASE = 7,
    TX_OP_SCALE_WEIGHT = 9,
    TX_OP_SYNONYM = 13,
    TX_OP_MAX = 14
} tx_op;

/* Query(term, wqf, pos). */
tx_status tx_query_term(const char *term, size_t len, uint32_t wqf, uint32_t pos,
                        tx_query **out, tx_error *err);
/* Query(op, subqueries, window). Does not consume the subqueries. window is the
 * NEAR/PHRASE window (0 = number of subqueries). */
tx_status tx_query_combine(tx_op op, tx_query *const *subs, size_t count,
                           uint32_t window, tx_query **out, tx_error *err);
/* Query(OP_SCALE_WEIGHT, q, factor); factor 0 makes q a pure filter. */
tx_status tx_query_scale(const tx_query *q, double factor, tx_query **out,
                         tx_error *err);
/* Query(OP_VALUE_RANGE, slot, lo, hi). */
tx_status tx_query_value_range(uint32_t slot, const char *lo, size_t lo_len,
                               const char *hi, size_t hi_len, tx_query **out,
                               tx_error *err);
/* Query::MatchAll. */
tx_status tx_query_match_all(tx_query **out, tx_error *err);
void tx_query_free(tx_query *q);

/* ------------------------------------------------------------------ matching */

typedef struct tx_enquire tx_enquire;
typedef struct tx_results tx_results;
typedef struct tx_spy tx_spy;

tx_status tx_enquire_new(tx_database *db, const tx_query *q, tx_enquire **out,
                         tx_error *err);
void tx_enquire_free(tx_enquire *e);
/* set_collapse_key(slot, max): keep at most `max` documents per value of slot. */
tx_status tx_enquire_collapse(tx_enquire *e, uint32_t slot, uint32_t max, tx_error *err);
/* BM25Weight(k1, k2, k3, b, min_normlen). */
tx_status tx_enquire_bm25(tx_enquire *e, double k1, double k2, double k3, double b,
                          double min_normlen, tx_error *err);
/* BoolWeight: every match weighs 0 (for a pass that only counts). */
tx_status tx_enquire_bool_weight(tx_enquire *e, tx_error *err);
/* Sort order. by_value 0: relevance then the value of slot (descending when
 * reverse), the tie-break. by_value 1: value of slot (reverse = descending),
 * then relevance. */
tx_status tx_enquire_sort(tx_enquire *e, int by_value, uint32_t slot, int reverse,
                          tx_error *err);
/* A ValueCountMatchSpy on slot, added to the enquire (it stays owned by the returned
 * tx_spy, which must outlive the enquire's get_mset calls; free after the enquire). */
tx_status tx_enquire_spy(tx_enquire *e, uint32_t slot, tx_spy **out, tx_error *err);
/* Which group (article, to the caller) each document belongs to, by docid: table[d]
 * is the group number + 1 of document d, 0 when the table does not know it. Copied;
 * read-only once made. The caller builds it (it knows how its documents are laid out)
 * and rebuilds it after a reopen. */
typedef struct tx_groups tx_groups;
tx_status tx_groups_new(const uint32_t *table, size_t count, tx_groups **out,
                        tx_error *err);
void tx_groups_free(tx_groups *g);

/* A counting spy for exact totals and facets: for each matching document it counts
 * the document, and for the first document of each group it counts the group and
 * each element of the value in list_slot, split at `separator`, a first element that
 * starts with `skip` left out (pass list_slot 0xffffffff for no list). Groups are told
 * apart by `groups` when it knows the document (no value read), else by the value of
 * key_slot. Owned by the returned tx_counter, which must outlive the enquire's get_mset
 * calls (free after the enquire); groups is not consumed and must outlive it too. */
typedef struct tx_counter tx_counter;
tx_status tx_enquire_counter(tx_enquire *e, uint32_t key_slot, uint32_t list_slot,
                             char separator, const char *skip, size_t skip_len,
                             const tx_groups *groups, tx_counter **out, tx_error *err);
/* Documents and distinct groups the counter saw. */
void tx_counter_totals(const tx_counter *c, uint32_t *documents, uint32_t *groups);
/* List elements whose text starts with prefix, with group counts, most frequent
 * first (ties in byte order), up to max (0 = all). */
tx_status tx_counter_facets(const tx_counter *c, const char *prefix, size_t len,
                            uint32_t max, tx_terms **out, tx_error *err);
void tx_counter_free(tx_counter *c);

/* get_mset(offset, limit, checkatleast). */
tx_status tx_enquire_run(tx_enquire *e, uint32_t offset, uint32_t limit,
                         uint32_t check_at_least, tx_results **out, tx_error *err);

/* MSet size and its estimates. */
size_t tx_results_size(const tx_results *r);
void tx_results_counts(const tx_results *r, uint32_t *lower, uint32_t *estimated,
                       uint32_t *upper);
/* Item i: docid, weight and collapse key (pointer lives as long as r). */
tx_status tx_results_item(tx_results *r, size_t i, uint32_t *docid, double *weight,
                          const char **key, size_t *key_len, tx_error *err);
void tx_results_free(tx_results *r);

/* Documents the spy saw (get_total) and distinct values. */
void tx_spy_totals(const tx_spy *s, uint32_t *documents, uint32_t *distinct);
void tx_spy_free(tx_spy *s);

/* -------------------------------------------------------------- maintenance */

/* Compacts the database at src into a new database at dest (Database::compact,
 * full compaction, document ids renumbered). dest must not exist yet. src is opened
 * read-only: the caller holds the write lock (an open tx_writer) when no commit may
 * slip in between. */
tx_status tx_compact(const char *src, size_t src_len, const char *dest, size_t dest_len,
                     tx_error *err);

/* The revision of the database at path (Database::get_revision: it grows by one with
 * each commit). */
tx_status tx_revision(const char *path, size_t len, uint64_t *revision, tx_error *err);

/* Commits to the database at path until its revision is above `above`, each commit
 * changing the metadata entry `key` (which is deleted by the last one). All but the
 * last commit skip fsync (DB_NO_SYNC); the last is a normal, durable commit.
 * Glass readers notice a new revision only by its number (reopen compares them), so a
 * compacted copy, which starts again at revision 1, must pass the old index's
 * revision before it replaces it. Takes the write lock of path. */
tx_status tx_advance_revision(const char *path, size_t len, uint64_t above,
                              const char *key, size_t key_len, tx_error *err);

/* Database::check(path, opts, &out) on every table of the database at path.
 * *errors receives how many errors were found (0 = sound); *report receives Xapian's
 * own report, malloc'd (free with tx_free). verbose adds each table's statistics
 * (DBCHECK_SHOW_STATS). A database that cannot be opened at all is a failure
 * (TX_ERR_DATABASE_OPENING, ...), not a count. */
tx_status tx_check(const char *path, size_t len, int verbose, uint32_t *errors,
                   char **report, size_t *report_len, tx_error *err);

/* The ids of every document indexed by term, ascending (postlist_begin..end), as a
 * malloc'd array (free with tx_free; NULL when *count is 0). */
tx_status tx_database_postings(tx_database *db, const char *term, size_t len,
                               uint32_t **ids, size_t *count, tx_error *err);

/* Swaps two paths in one atomic step (renameat2 with RENAME_EXCHANGE): after it, each
 * name refers to what the other did, and no process ever sees either name missing.
 * Not a Xapian call, but the last step of replacing a database by its compacted copy.
 * TX_ERR_UNIMPLEMENTED when the system or file system cannot exchange; TX_ERR_STD
 * with the system's reason for any other failure. */
tx_status tx_exchange_paths(const char *a, size_t a_len, const char *b, size_t b_len,
                            tx_error *err);

/* ------------------------------------------------------------- remote shards */
/* A sharded index is one tx_database with a database added per shard: local shards
 * with tx_database_add, shards served by another process with these. Each call
 * either adds the shard or fails and leaves db as it was, so a caller can skip a
 * shard that cannot be reached and search the others. */

/* Connects to a database served by xapian-tcpsrv on host:port and adds it to db
 * (Xapian::Remote::open(host, port, timeout, connect_timeout)). connect_timeout_ms
 * bounds the connection attempt; timeout_ms bounds each later exchange with the
 * server (0 = wait forever). Fails with TX_ERR_NETWORK (refused, reset, closed) or
 * TX_ERR_NETWORK_TIMEOUT. The server runs the match itself, so only what Xapian can
 * serialise works on such a shard: a ValueCountMatchSpy does, the counting spy of
 * tx_enquire_counter and the article map do not. */
tx_status tx_database_add_remote_tcp(tx_database *db, const char *host, size_t host_len,
                                     uint32_t port, uint32_t timeout_ms,
                                     uint32_t connect_timeout_ms, tx_error *err);
/* Starts `program` with `args` (one string; Xapian splits it at spaces) and speaks
 * the remote protocol over its standard input and output, then adds that database
 * to db (Xapian::Remote::open(program, args, timeout)): xapian-progsrv, usually
 * through ssh. The same limits as tx_database_add_remote_tcp apply. */
tx_status tx_database_add_remote_program(tx_database *db, const char *program,
                                         size_t program_len, const char *args,
                                         size_t args_len, uint32_t timeout_ms,
                                         tx_error *err);

/* Every distinct value the spy saw and how many matching documents had it
 * (ValueCountMatchSpy::values_begin, get_termfreq), unordered. Works on remote shards. */
tx_status tx_spy_values(const tx_spy *s, tx_terms **out, tx_error *err);


/* ---------------------------------------------------------------- ranking */

/* The value in `slot` of the document of item i (MSetIterator::get_document()
 * .get_value(slot)); the pointer lives as long as r. The first call prefetches the
 * documents of every item (MSet::fetch), so a remote shard sends them together. */
tx_status tx_results_item_value(tx_results *r, size_t i, uint32_t slot, const char **value,
                                size_t *len, tx_error *err);


#ifdef __cplusplus
}
#endif

#endif /* TELUSUR_XAPIAN_H */
