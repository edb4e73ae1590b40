// xapian_shim.cpp: the C functions of telusur_xapian.h over Xapian 1.4.
//
// Small and dumb on purpose: each function does one Xapian call (or a tight loop
// of them) and turns every exception into a tx_status and a message. Policy
// (what to index, how to rank, what to say to the user) lives in Swift.
#include "telusur_xapian.h"

#include <xapian.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>  // AT_FDCWD, for renameat2 (<cstdio>, glibc >= 2.28)

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <utility>
#include <vector>

struct tx_document { Xapian::Document doc; };
struct tx_writer { Xapian::WritableDatabase db; };
struct tx_database { Xapian::Database db; };
struct tx_query { Xapian::Query q; };
struct tx_enquire { Xapian::Enquire enq; explicit tx_enquire(const Xapian::Database &d) : enq(d) {} };
struct tx_results { Xapian::MSet mset; std::vector<std::string> keys; std::vector<std::string> values; bool fetched = false; };
struct tx_spy { Xapian::ValueCountMatchSpy spy; explicit tx_spy(Xapian::valueno s) : spy(s) {} };
struct tx_terms { std::vector<std::pair<std::string, uint32_t>> items; };

namespace {

// Every path the shim opens is a glass database directory and nothing else: with
// Xapian's default (auto) backend a path that is a file, or a directory holding a
// XAPIANDB file, is read as a stub, and a stub's `remote :PROGRAM` line runs a
// program. telusur reads stubs itself (IndexStub.swift) and decides what may run.
constexpr int LOCAL_ONLY = Xapian::DB_BACKEND_GLASS;

// Counts matching documents, distinct groups (articles, to the caller) and, for the
// first document of each group, each element of a list value once. Xapian calls it
// for every candidate when checkatleast covers the database. A document's group is
// read from the caller's table by docid when the table has it (no value read), else
// from the value of key_slot. The shim knows nothing of what the values mean: the
// separator and the prefix of a first element to skip come from the caller.
class CountingSpy : public Xapian::MatchSpy {
  public:
    CountingSpy(Xapian::valueno key, Xapian::valueno list, char separator, std::string skip,
                const std::vector<uint32_t> *table, uint32_t groups)
        : key_(key), list_(list), separator_(separator), skip_(std::move(skip)), table_(table) {
        if (table_) seen_bits_.assign(groups, 0);
    }

    void operator()(const Xapian::Document &doc, double) override {
        ++documents_;
        if (!first_of_group(doc)) return;
        ++groups_;
        if (list_ == Xapian::BAD_VALUENO) return;
        const std::string values = doc.get_value(list_);
        size_t start = 0;
        if (!skip_.empty() && values.compare(0, skip_.size(), skip_) == 0) {
            const size_t end = values.find(separator_);
            start = end == std::string::npos ? values.size() : end + 1;
        }
        while (start < values.size()) {
            size_t end = values.find(separator_, start);
            if (end == std::string::npos) end = values.size();
            if (end > start) ++counts_[values.substr(start, end - start)];
            start = end + 1;
        }
    }

    uint32_t documents() const { return documents_; }
    uint32_t groups() const { return groups_; }
    const std::unordered_map<std::string, uint32_t> &counts() const { return counts_; }

  private:
    bool first_of_group(const Xapian::Document &doc) {
        if (table_) {
            const Xapian::docid d = doc.get_docid();
            if (d < table_->size() && (*table_)[d] != 0) {
                const uint32_t index = (*table_)[d] - 1;
                if (seen_bits_[index]) return false;
                seen_bits_[index] = 1;
                return true;
            }
        }
        return seen_.insert(doc.get_value(key_)).second;
    }

    Xapian::valueno key_, list_;
    char separator_;
    std::string skip_;
    const std::vector<uint32_t> *table_;
    uint32_t documents_ = 0, groups_ = 0;
    std::vector<uint8_t> seen_bits_;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::string, uint32_t> counts_;
};

}  // namespace

struct tx_groups {
    std::vector<uint32_t> table;
    uint32_t groups = 0;
};
struct tx_counter {
    CountingSpy spy;
    tx_counter(Xapian::valueno k, Xapian::valueno l, char sep, std::string skip, const tx_groups *g)
        : spy(k, l, sep, std::move(skip), g ? &g->table : nullptr, g ? g->groups : 0) {}
};

namespace {

char *copy_cstring(const std::string &s) {
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (p) {
        std::memcpy(p, s.data(), s.size());
        p[s.size()] = '\0';
    }
    return p;
}

tx_status fail(tx_error *err, tx_status kind, const std::string &message) {
    if (err) {
        std::free(err->message);
        err->kind = kind;
        err->message = copy_cstring(message);
    }
    return kind;
}

// "Type: message", and the system's reason when there is one ("Couldn't connect
// (Connection refused)"): for a remote shard that reason is what the user needs.
std::string message_of(const Xapian::Error &e) {
    std::string message = e.get_type() + std::string(": ") + e.get_msg();
    if (const char *reason = e.get_error_string()) message += std::string(" (") + reason + ")";
    return message;
}

std::string str(const char *p, size_t n) { return p ? std::string(p, n) : std::string(); }

tx_status give(const std::string &s, char **out, size_t *out_len, tx_error *err) {
    char *p = copy_cstring(s);
    if (!p) return fail(err, TX_ERR_NO_MEMORY, "out of memory");
    *out = p;
    *out_len = s.size();
    return TX_OK;
}


template <typename DB>
tx_terms *values_of(DB &db, const std::string &term, Xapian::valueno slot, uint32_t max) {
    auto t = std::make_unique<tx_terms>();
    for (Xapian::PostingIterator it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        t->items.emplace_back(db.get_document(*it).get_value(slot), *it);
        if (max && t->items.size() >= max) break;
    }
    return t.release();
}

// The kind of the exception being handled, by its class, most derived first (as
// xapian-bindings' generate-python-exceptions orders them). Called only from a catch.
tx_status translate_current(tx_error *err) {
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        return fail(err, TX_ERR_DATABASE_LOCK, message_of(e));
    } catch (const Xapian::DatabaseModifiedError &e) {
        return fail(err, TX_ERR_DATABASE_MODIFIED, message_of(e));
    } catch (const Xapian::DatabaseVersionError &e) {  // a DatabaseOpeningError
        return fail(err, TX_ERR_DATABASE_VERSION, message_of(e));
    } catch (const Xapian::DatabaseOpeningError &e) {  // DatabaseNotFoundError too
        return fail(err, TX_ERR_DATABASE_OPENING, message_of(e));
    } catch (const Xapian::DatabaseCorruptError &e) {
        return fail(err, TX_ERR_DATABASE_CORRUPT, message_of(e));
    } catch (const Xapian::DatabaseError &e) {  // DatabaseCreateError, DatabaseClosedError, ...
        return fail(err, TX_ERR_DATABASE, message_of(e));
    } catch (const Xapian::DocNotFoundError &e) {
        return fail(err, TX_ERR_DOC_NOT_FOUND, message_of(e));
    } catch (const Xapian::NetworkTimeoutError &e) {  // a NetworkError
        return fail(err, TX_ERR_NETWORK_TIMEOUT, message_of(e));
    } catch (const Xapian::NetworkError &e) {
        return fail(err, TX_ERR_NETWORK, message_of(e));
    } catch (const Xapian::QueryParserError &e) {
        return fail(err, TX_ERR_QUERY_PARSER, message_of(e));
    } catch (const Xapian::InvalidArgumentError &e) {
        return fail(err, TX_ERR_INVALID_ARGUMENT, message_of(e));
    } catch (const Xapian::InvalidOperationError &e) {
        return fail(err, TX_ERR_INVALID_OPERATION, message_of(e));
    } catch (const Xapian::UnimplementedError &e) {
        return fail(err, TX_ERR_UNIMPLEMENTED, message_of(e));
    } catch (const Xapian::RangeError &e) {
        return fail(err, TX_ERR_RANGE, message_of(e));
    } catch (const Xapian::Error &e) {
        return fail(err, TX_ERR_XAPIAN, message_of(e));
    } catch (const std::bad_alloc &) {
        return fail(err, TX_ERR_NO_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        return fail(err, TX_ERR_STD, e.what());
    } catch (...) {
        return fail(err, TX_ERR_UNKNOWN, "unknown C++ exception");
    }
}

}  // namespace

// Every exported body is one try block; its one handler rethrows inside
// translate_current, which tells the kinds apart by type. (Xapian::Error does not
// derive from std::exception, so it needs handlers of its own.)
#define TX_TRY try {
#define TX_CATCH                                                                 \
    }                                                                            \
    catch (...) {                                                                \
        return translate_current(err);                                           \
    }

extern "C" {

void tx_error_clear(tx_error *err) {
    if (!err) return;
    std::free(err->message);
    err->message = nullptr;
    err->kind = TX_OK;
}

void tx_free(void *p) { std::free(p); }

// ---------------------------------------------------------------- documents

tx_status tx_document_new(tx_document **out, tx_error *err) {
    TX_TRY
    *out = new tx_document();
    return TX_OK;
    TX_CATCH
}

void tx_document_free(tx_document *doc) { delete doc; }

tx_status tx_document_add_postings(tx_document *doc, const char *bytes,
                                   const uint32_t *lens, const uint32_t *positions,
                                   size_t count, tx_error *err) {
    TX_TRY
    std::string term;
    size_t offset = 0;
    for (size_t i = 0; i < count; ++i) {
        term.assign(bytes + offset, lens[i]);
        offset += lens[i];
        doc->doc.add_posting(term, positions[i]);
    }
    return TX_OK;
    TX_CATCH
}

tx_status tx_document_add_terms(tx_document *doc, const char *bytes, const uint32_t *lens,
                                size_t count, tx_error *err) {
    TX_TRY
    std::string term;
    size_t offset = 0;
    for (size_t i = 0; i < count; ++i) {
        term.assign(bytes + offset, lens[i]);
        offset += lens[i];
        doc->doc.add_term(term);
    }
    return TX_OK;
    TX_CATCH
}

tx_status tx_document_add_term(tx_document *doc, const char *term, size_t len,
                               uint32_t wdf_inc, tx_error *err) {
    TX_TRY
    doc->doc.add_term(str(term, len), wdf_inc);
    return TX_OK;
    TX_CATCH
}

tx_status tx_document_set_value(tx_document *doc, uint32_t slot, const char *value,
                                size_t len, tx_error *err) {
    TX_TRY
    doc->doc.add_value(slot, str(value, len));
    return TX_OK;
    TX_CATCH
}

tx_status tx_document_set_data(tx_document *doc, const char *data, size_t len,
                               tx_error *err) {
    TX_TRY
    doc->doc.set_data(str(data, len));
    return TX_OK;
    TX_CATCH
}

// ------------------------------------------------------------------ writing

tx_status tx_writer_open(const char *path, size_t len, tx_writer **out, tx_error *err) {
    TX_TRY
    *out = new tx_writer{Xapian::WritableDatabase(str(path, len), Xapian::DB_CREATE_OR_OPEN | LOCAL_ONLY)};
    return TX_OK;
    TX_CATCH
}

void tx_writer_free(tx_writer *w) {
    if (!w) return;
    try {
        w->db.close();
    } catch (...) {
        // Closing discards uncommitted work; a failure here leaves nothing to report to.
    }
    delete w;
}

tx_status tx_writer_begin(tx_writer *w, tx_error *err) {
    TX_TRY
    w->db.begin_transaction(true);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_commit(tx_writer *w, tx_error *err) {
    TX_TRY
    w->db.commit_transaction();
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_cancel(tx_writer *w, tx_error *err) {
    TX_TRY
    w->db.cancel_transaction();
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_add(tx_writer *w, const tx_document *doc, uint32_t *docid,
                        tx_error *err) {
    TX_TRY
    *docid = w->db.add_document(doc->doc);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_replace(tx_writer *w, const char *term, size_t len,
                            const tx_document *doc, tx_error *err) {
    TX_TRY
    w->db.replace_document(str(term, len), doc->doc);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_delete(tx_writer *w, const char *term, size_t len,
                           uint32_t *deleted, tx_error *err) {
    TX_TRY
    const std::string t = str(term, len);
    *deleted = w->db.get_termfreq(t);
    if (*deleted) w->db.delete_document(t);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_first_value(tx_writer *w, const char *term, size_t len,
                                uint32_t slot, int *found, char **value,
                                size_t *value_len, tx_error *err) {
    TX_TRY
    *found = 0;
    *value = nullptr;
    *value_len = 0;
    Xapian::PostingIterator it = w->db.postlist_begin(str(term, len));
    if (it == w->db.postlist_end(str(term, len))) return TX_OK;
    const std::string v = w->db.get_document(*it).get_value(slot);
    *found = 1;
    return give(v, value, value_len, err);
    TX_CATCH
}

tx_status tx_writer_values(tx_writer *w, const char *term, size_t len, uint32_t slot,
                           uint32_t max, tx_terms **out, tx_error *err) {
    TX_TRY
    *out = values_of(w->db, str(term, len), slot, max);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_set_metadata(tx_writer *w, const char *key, size_t key_len,
                                 const char *value, size_t value_len, tx_error *err) {
    TX_TRY
    w->db.set_metadata(str(key, key_len), str(value, value_len));
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_add_spelling(tx_writer *w, const char *word, size_t len,
                                 uint32_t freq, tx_error *err) {
    TX_TRY
    w->db.add_spelling(str(word, len), freq);
    return TX_OK;
    TX_CATCH
}

tx_status tx_writer_doccount(tx_writer *w, uint32_t *count, tx_error *err) {
    TX_TRY
    *count = w->db.get_doccount();
    return TX_OK;
    TX_CATCH
}

// ------------------------------------------------------------------ reading

tx_status tx_database_new(tx_database **out, tx_error *err) {
    TX_TRY
    *out = new tx_database();
    return TX_OK;
    TX_CATCH
}

void tx_database_free(tx_database *db) {
    if (!db) return;
    try {
        db->db.close();
    } catch (...) {
        // A remote shard that already went away: nothing left to release.
    }
    delete db;
}

tx_status tx_database_add(tx_database *db, const char *path, size_t len, tx_error *err) {
    TX_TRY
    db->db.add_database(Xapian::Database(str(path, len), LOCAL_ONLY));
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_reopen(tx_database *db, int *changed, tx_error *err) {
    TX_TRY
    *changed = db->db.reopen() ? 1 : 0;
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_doccount(tx_database *db, uint32_t *count, tx_error *err) {
    TX_TRY
    *count = db->db.get_doccount();
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_lastdocid(tx_database *db, uint32_t *docid, tx_error *err) {
    TX_TRY
    *docid = db->db.get_lastdocid();
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_termfreq(tx_database *db, const char *term, size_t len,
                               uint32_t *freq, tx_error *err) {
    TX_TRY
    *freq = db->db.get_termfreq(str(term, len));
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_metadata(tx_database *db, const char *key, size_t key_len,
                               char **value, size_t *value_len, tx_error *err) {
    TX_TRY
    return give(db->db.get_metadata(str(key, key_len)), value, value_len, err);
    TX_CATCH
}

tx_status tx_database_uuid(tx_database *db, char **value, size_t *value_len, tx_error *err) {
    TX_TRY
    return give(db->db.get_uuid(), value, value_len, err);
    TX_CATCH
}

tx_status tx_database_first_doc(tx_database *db, const char *term, size_t len,
                                uint32_t *docid, tx_error *err) {
    TX_TRY
    const std::string t = str(term, len);
    Xapian::PostingIterator it = db->db.postlist_begin(t);
    *docid = it == db->db.postlist_end(t) ? 0 : *it;
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_document(tx_database *db, uint32_t docid, uint32_t slot,
                               char **data, size_t *data_len, char **value,
                               size_t *value_len, tx_error *err) {
    TX_TRY
    *data = nullptr;
    *value = nullptr;
    const Xapian::Document doc = db->db.get_document(docid);
    const std::string d = doc.get_data();
    const std::string v = doc.get_value(slot);
    tx_status s = give(d, data, data_len, err);
    if (s != TX_OK) return s;
    s = give(v, value, value_len, err);
    if (s != TX_OK) {
        std::free(*data);
        *data = nullptr;
    }
    return s;
    TX_CATCH
}

tx_status tx_database_values(tx_database *db, const char *term, size_t len, uint32_t slot,
                             uint32_t max, tx_terms **out, tx_error *err) {
    TX_TRY
    *out = values_of(db->db, str(term, len), slot, max);
    return TX_OK;
    TX_CATCH
}

namespace {
// Keeps expansion to plain words: telusur's prefixed terms start with a capital.
struct PlainTerms : public Xapian::ExpandDecider {
    bool operator()(const std::string &term) const override {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
    }
};
}  // namespace

tx_status tx_database_expand(tx_database *db, const uint32_t *docids, size_t count,
                             uint32_t max_terms, tx_terms **out, tx_error *err) {
    TX_TRY
    Xapian::Enquire enquire(db->db);
    Xapian::RSet rset;
    for (size_t i = 0; i < count; ++i) rset.add_document(docids[i]);
    PlainTerms plain;
    // Exact term frequencies: on several shards Xapian otherwise sums them only over
    // the shards that hold a document of the relevance set, and the weights change.
    Xapian::ESet eset = enquire.get_eset(max_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &plain);
    auto t = std::make_unique<tx_terms>();
    for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it)
        t->items.emplace_back(*it, static_cast<uint32_t>(it.get_weight() * 1000));
    *out = t.release();
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_spelling(tx_database *db, const char *word, size_t len,
                               uint32_t max_edit_distance, char **out,
                               size_t *out_len, tx_error *err) {
    TX_TRY
    return give(db->db.get_spelling_suggestion(str(word, len), max_edit_distance), out,
                out_len, err);
    TX_CATCH
}

tx_status tx_database_terms(tx_database *db, const char *prefix, size_t len,
                            uint32_t max, tx_terms **out, tx_error *err) {
    TX_TRY
    const std::string p = str(prefix, len);
    auto t = std::make_unique<tx_terms>();
    for (Xapian::TermIterator it = db->db.allterms_begin(p); it != db->db.allterms_end(p);
         ++it) {
        t->items.emplace_back(*it, it.get_termfreq());
        if (max && t->items.size() >= max) break;
    }
    *out = t.release();
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_term_count(tx_database *db, const char *prefix, size_t len,
                                 uint64_t *count, tx_error *err) {
    TX_TRY
    const std::string p = str(prefix, len);
    uint64_t n = 0;
    for (Xapian::TermIterator it = db->db.allterms_begin(p); it != db->db.allterms_end(p); ++it) ++n;
    *count = n;
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_document_terms(tx_database *db, uint32_t docid, const char *prefix,
                                     size_t len, tx_terms **out, tx_error *err) {
    TX_TRY
    const std::string p = str(prefix, len);
    auto t = std::make_unique<tx_terms>();
    Xapian::TermIterator it = db->db.termlist_begin(docid);
    for (it.skip_to(p); it != db->db.termlist_end(docid); ++it) {
        const std::string term = *it;
        if (term.compare(0, p.size(), p) != 0) break;
        t->items.emplace_back(term, it.get_termfreq());
    }
    *out = t.release();
    return TX_OK;
    TX_CATCH
}

size_t tx_terms_count(const tx_terms *t) { return t ? t->items.size() : 0; }

void tx_terms_get(const tx_terms *t, size_t i, const char **term, size_t *len,
                  uint32_t *freq) {
    const auto &item = t->items[i];
    *term = item.first.data();
    *len = item.first.size();
    *freq = item.second;
}

void tx_terms_free(tx_terms *t) { delete t; }

// ------------------------------------------------------------------ queries

tx_status tx_query_term(const char *term, size_t len, uint32_t wqf, uint32_t pos,
                        tx_query **out, tx_error *err) {
    TX_TRY
    *out = new tx_query{Xapian::Query(str(term, len), wqf, pos)};
    return TX_OK;
    TX_CATCH
}

tx_status tx_query_combine(tx_op op, tx_query *const *subs, size_t count,
                           uint32_t window, tx_query **out, tx_error *err) {
    TX_TRY
    std::vector<Xapian::Query> qs;
    qs.reserve(count);
    for (size_t i = 0; i < count; ++i) qs.push_back(subs[i]->q);
    *out = new tx_query{Xapian::Query(static_cast<Xapian::Query::op>(op), qs.begin(),
                                      qs.end(), window)};
    return TX_OK;
    TX_CATCH
}

tx_status tx_query_scale(const tx_query *q, double factor, tx_query **out,
                         tx_error *err) {
    TX_TRY
    *out = new tx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)};
    return TX_OK;
    TX_CATCH
}

tx_status tx_query_value_range(uint32_t slot, const char *lo, size_t lo_len,
                               const char *hi, size_t hi_len, tx_query **out,
                               tx_error *err) {
    TX_TRY
    *out = new tx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, str(lo, lo_len),
                                      str(hi, hi_len))};
    return TX_OK;
    TX_CATCH
}

tx_status tx_query_match_all(tx_query **out, tx_error *err) {
    TX_TRY
    *out = new tx_query{Xapian::Query::MatchAll};
    return TX_OK;
    TX_CATCH
}

void tx_query_free(tx_query *q) { delete q; }

// ------------------------------------------------------------------ matching

tx_status tx_enquire_new(tx_database *db, const tx_query *q, tx_enquire **out,
                         tx_error *err) {
    TX_TRY
    auto e = std::make_unique<tx_enquire>(db->db);
    e->enq.set_query(q->q);
    *out = e.release();
    return TX_OK;
    TX_CATCH
}

void tx_enquire_free(tx_enquire *e) { delete e; }

tx_status tx_enquire_collapse(tx_enquire *e, uint32_t slot, uint32_t max, tx_error *err) {
    TX_TRY
    e->enq.set_collapse_key(slot, max);
    return TX_OK;
    TX_CATCH
}

tx_status tx_enquire_bm25(tx_enquire *e, double k1, double k2, double k3, double b,
                          double min_normlen, tx_error *err) {
    TX_TRY
    e->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
    return TX_OK;
    TX_CATCH
}

tx_status tx_enquire_bool_weight(tx_enquire *e, tx_error *err) {
    TX_TRY
    e->enq.set_weighting_scheme(Xapian::BoolWeight());
    return TX_OK;
    TX_CATCH
}

tx_status tx_enquire_sort(tx_enquire *e, int by_value, uint32_t slot, int reverse,
                          tx_error *err) {
    TX_TRY
    if (by_value)
        e->enq.set_sort_by_value_then_relevance(slot, reverse != 0);
    else
        e->enq.set_sort_by_relevance_then_value(slot, reverse != 0);
    return TX_OK;
    TX_CATCH
}

tx_status tx_enquire_spy(tx_enquire *e, uint32_t slot, tx_spy **out, tx_error *err) {
    TX_TRY
    auto s = std::make_unique<tx_spy>(slot);
    e->enq.add_matchspy(&s->spy);
    *out = s.release();
    return TX_OK;
    TX_CATCH
}

tx_status tx_enquire_run(tx_enquire *e, uint32_t offset, uint32_t limit,
                         uint32_t check_at_least, tx_results **out, tx_error *err) {
    TX_TRY
    auto r = std::make_unique<tx_results>();
    r->mset = e->enq.get_mset(offset, limit, check_at_least);
    r->keys.resize(r->mset.size());
    *out = r.release();
    return TX_OK;
    TX_CATCH
}

size_t tx_results_size(const tx_results *r) { return r ? r->mset.size() : 0; }

void tx_results_counts(const tx_results *r, uint32_t *lower, uint32_t *estimated,
                       uint32_t *upper) {
    *lower = r->mset.get_matches_lower_bound();
    *estimated = r->mset.get_matches_estimated();
    *upper = r->mset.get_matches_upper_bound();
}

tx_status tx_results_item(tx_results *r, size_t i, uint32_t *docid, double *weight,
                          const char **key, size_t *key_len, tx_error *err) {
    TX_TRY
    Xapian::MSetIterator it = r->mset[static_cast<Xapian::doccount>(i)];
    *docid = *it;
    *weight = it.get_weight();
    r->keys[i] = it.get_collapse_key();
    *key = r->keys[i].data();
    *key_len = r->keys[i].size();
    return TX_OK;
    TX_CATCH
}

void tx_results_free(tx_results *r) { delete r; }

void tx_spy_totals(const tx_spy *s, uint32_t *documents, uint32_t *distinct) {
    *documents = s->spy.get_total();
    uint32_t n = 0;
    for (auto it = s->spy.values_begin(); it != s->spy.values_end(); ++it) ++n;
    *distinct = n;
}

void tx_spy_free(tx_spy *s) { delete s; }

tx_status tx_groups_new(const uint32_t *table, size_t count, tx_groups **out,
                        tx_error *err) {
    TX_TRY
    auto g = std::make_unique<tx_groups>();
    g->table.assign(table, table + count);
    for (size_t i = 0; i < count; ++i) g->groups = std::max(g->groups, table[i]);
    *out = g.release();
    return TX_OK;
    TX_CATCH
}

void tx_groups_free(tx_groups *g) { delete g; }

tx_status tx_enquire_counter(tx_enquire *e, uint32_t key_slot, uint32_t list_slot,
                             char separator, const char *skip, size_t skip_len,
                             const tx_groups *groups, tx_counter **out, tx_error *err) {
    TX_TRY
    auto c = std::make_unique<tx_counter>(key_slot, list_slot, separator, str(skip, skip_len), groups);
    e->enq.add_matchspy(&c->spy);
    *out = c.release();
    return TX_OK;
    TX_CATCH
}

void tx_counter_totals(const tx_counter *c, uint32_t *documents, uint32_t *groups) {
    *documents = c->spy.documents();
    *groups = c->spy.groups();
}

tx_status tx_counter_facets(const tx_counter *c, const char *prefix, size_t len,
                            uint32_t max, tx_terms **out, tx_error *err) {
    TX_TRY
    const std::string p = str(prefix, len);
    auto t = std::make_unique<tx_terms>();
    for (const auto &item : c->spy.counts())
        if (item.first.compare(0, p.size(), p) == 0) t->items.emplace_back(item.first, item.second);
    auto order = [](const std::pair<std::string, uint32_t> &a, const std::pair<std::string, uint32_t> &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    if (max && t->items.size() > max) {
        std::partial_sort(t->items.begin(), t->items.begin() + max, t->items.end(), order);
        t->items.resize(max);
    } else {
        std::sort(t->items.begin(), t->items.end(), order);
    }
    *out = t.release();
    return TX_OK;
    TX_CATCH
}

void tx_counter_free(tx_counter *c) { delete c; }

// -------------------------------------------------------------- maintenance

tx_status tx_compact(const char *src, size_t src_len, const char *dest, size_t dest_len,
                     tx_error *err) {
    TX_TRY
    Xapian::Database source(str(src, src_len), LOCAL_ONLY);
    source.compact(str(dest, dest_len));
    return TX_OK;
    TX_CATCH
}

tx_status tx_revision(const char *path, size_t len, uint64_t *revision, tx_error *err) {
    TX_TRY
    *revision = Xapian::Database(str(path, len), LOCAL_ONLY).get_revision();
    return TX_OK;
    TX_CATCH
}

tx_status tx_advance_revision(const char *path, size_t len, uint64_t above,
                              const char *key, size_t key_len, tx_error *err) {
    TX_TRY
    const std::string p = str(path, len), k = str(key, key_len);
    {
        Xapian::WritableDatabase db(p, Xapian::DB_OPEN | Xapian::DB_NO_SYNC | LOCAL_ONLY);
        while (db.get_revision() < above) {
            db.set_metadata(k, std::to_string(db.get_revision()));
            db.commit();
        }
        db.close();
    }
    Xapian::WritableDatabase db(p, Xapian::DB_OPEN | LOCAL_ONLY);
    db.set_metadata(k, "");
    if (db.get_revision() <= above) {
        // The key was already absent: one more real change is needed for a commit.
        db.set_metadata(k, "-");
        db.commit();
        db.set_metadata(k, "");
    }
    db.commit();
    db.close();
    return TX_OK;
    TX_CATCH
}

tx_status tx_check(const char *path, size_t len, int verbose, uint32_t *errors,
                   char **report, size_t *report_len, tx_error *err) {
    TX_TRY
    std::ostringstream out;
    const size_t found =
        Xapian::Database::check(str(path, len), verbose ? Xapian::DBCHECK_SHOW_STATS : 0, &out);
    *errors = static_cast<uint32_t>(std::min<size_t>(found, UINT32_MAX));
    return give(out.str(), report, report_len, err);
    TX_CATCH
}

tx_status tx_database_postings(tx_database *db, const char *term, size_t len,
                               uint32_t **ids, size_t *count, tx_error *err) {
    TX_TRY
    *ids = nullptr;
    *count = 0;
    const std::string t = str(term, len);
    std::vector<uint32_t> found;
    for (Xapian::PostingIterator it = db->db.postlist_begin(t); it != db->db.postlist_end(t); ++it)
        found.push_back(*it);
    if (found.empty()) return TX_OK;
    auto *p = static_cast<uint32_t *>(std::malloc(found.size() * sizeof(uint32_t)));
    if (!p) return fail(err, TX_ERR_NO_MEMORY, "out of memory");
    std::memcpy(p, found.data(), found.size() * sizeof(uint32_t));
    *ids = p;
    *count = found.size();
    return TX_OK;
    TX_CATCH
}

tx_status tx_exchange_paths(const char *a, size_t a_len, const char *b, size_t b_len,
                            tx_error *err) {
    TX_TRY
    const std::string from = str(a, a_len), to = str(b, b_len);
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0)
        return TX_OK;
    const int code = errno;
    if (code == ENOSYS || code == EINVAL || code == ENOTSUP)
        return fail(err, TX_ERR_UNIMPLEMENTED, std::string("cannot exchange paths here: ") + std::strerror(code));
    return fail(err, TX_ERR_STD, from + " <-> " + to + ": " + std::strerror(code));
#else
    (void)from;
    (void)to;
    return fail(err, TX_ERR_UNIMPLEMENTED, "atomic exchange of paths is not available on this system");
#endif
    TX_CATCH
}

// ------------------------------------------------------------- remote shards

tx_status tx_database_add_remote_tcp(tx_database *db, const char *host, size_t host_len,
                                     uint32_t port, uint32_t timeout_ms,
                                     uint32_t connect_timeout_ms, tx_error *err) {
    TX_TRY
    // Connect first: when that fails, db has not been touched.
    Xapian::Database shard = Xapian::Remote::open(str(host, host_len), port, timeout_ms,
                                                  connect_timeout_ms);
    db->db.add_database(shard);
    return TX_OK;
    TX_CATCH
}

tx_status tx_database_add_remote_program(tx_database *db, const char *program,
                                         size_t program_len, const char *args,
                                         size_t args_len, uint32_t timeout_ms,
                                         tx_error *err) {
    TX_TRY
    Xapian::Database shard = Xapian::Remote::open(str(program, program_len),
                                                  str(args, args_len), timeout_ms);
    db->db.add_database(shard);
    return TX_OK;
    TX_CATCH
}

tx_status tx_spy_values(const tx_spy *s, tx_terms **out, tx_error *err) {
    TX_TRY
    auto t = std::make_unique<tx_terms>();
    for (auto it = s->spy.values_begin(); it != s->spy.values_end(); ++it)
        t->items.emplace_back(*it, it.get_termfreq());
    *out = t.release();
    return TX_OK;
    TX_CATCH
}

/* ---------------------------------------------------------------- ranking */

tx_status tx_results_item_value(tx_results *r, size_t i, uint32_t slot, const char **value,
                                size_t *len, tx_error *err) {
    TX_TRY
    if (!r->fetched) {
        r->mset.fetch();
        r->values.resize(r->mset.size());
        r->fetched = true;
    }
    Xapian::MSetIterator it = r->mset[static_cast<Xapian::doccount>(i)];
    r->values[i] = it.get_document().get_value(slot);
    *value = r->values[i].data();
    *len = r->values[i].size();
    return TX_OK;
    TX_CATCH
}


}  // extern "C"
