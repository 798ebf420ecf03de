#include "db/sqlite.hpp"

#include <sqlite3.h>

#include <string>

#include "db/pg.hpp"

namespace spoed::db {

bool SqliteError::IsConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }
bool SqliteError::IsFull() const { return (code_ & 0xff) == SQLITE_FULL; }
bool SqliteError::IsBusy() const { return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED; }

void ThrowSqlite(sqlite3* db, int rc, std::string_view context) {
    std::string what(context);
    what += ": ";
    what += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    throw SqliteError(code, what);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), stmt_(nullptr) {
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &stmt_, nullptr);
    if (rc != SQLITE_OK) ThrowSqlite(db, rc, "prepare");
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, Connection* cache) : db_(db), stmt_(stmt), cache_(cache) {}
Statement::Statement(std::unique_ptr<pg::Cursor> pg) : pg_(std::move(pg)) {}

Statement::~Statement() {
    if (stmt_ == nullptr) return;
    if (cache_ != nullptr) {
        cache_->Return(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), cache_(other.cache_), pg_(std::move(other.pg_)) {
    other.stmt_ = nullptr;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    if (pg_) return pg_->BindInt(index, value), *this;
    if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind");
    return *this;
}
Statement& Statement::Bind(int index, double value) {
    if (pg_) return pg_->BindDouble(index, value), *this;
    if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind");
    return *this;
}
Statement& Statement::Bind(int index, std::string_view text) {
    if (pg_) return pg_->BindText(index, text), *this;
    int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind");
    return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
    if (pg_) return pg_->BindBytes(index, bytes), *this;
    int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind");
    return *this;
}
Statement& Statement::BindNull(int index) {
    if (pg_) return pg_->BindNull(index), *this;
    if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind");
    return *this;
}

bool Statement::Step() {
    if (pg_) return pg_->Step();
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    ThrowSqlite(db_, rc, "step");
}

void Statement::Run() {
    while (Step()) {
    }
}

void Statement::Reset() {
    if (pg_) return pg_->Reset();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const {
    if (pg_) return pg_->IsNull(column);
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
ValueType Statement::Type(int column) const {
    if (pg_) return pg_->Type(column);
    switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_INTEGER:
            return ValueType::kInteger;
        case SQLITE_FLOAT:
            return ValueType::kReal;
        case SQLITE_TEXT:
            return ValueType::kText;
        case SQLITE_BLOB:
            return ValueType::kBlob;
        default:
            return ValueType::kNull;
    }
}
std::int64_t Statement::Int(int column) const {
    if (pg_) return pg_->Int(column);
    return sqlite3_column_int64(stmt_, column);
}
double Statement::Double(int column) const {
    if (pg_) return pg_->Double(column);
    return sqlite3_column_double(stmt_, column);
}
std::string Statement::Text(int column) const {
    if (pg_) return pg_->Text(column);
    const auto* p = sqlite3_column_text(stmt_, column);
    int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}
std::string Statement::Blob(int column) const {
    if (pg_) return pg_->Bytes(column);
    const void* p = sqlite3_column_blob(stmt_, column);
    int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}
std::optional<std::int64_t> Statement::OptInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
}
std::optional<std::string> Statement::OptText(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Text(column);
}

Connection::Connection(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + path;
        if (db_ != nullptr) {
            msg += ": ";
            msg += sqlite3_errmsg(db_);
            sqlite3_close_v2(db_);
            db_ = nullptr;
        }
        throw SqliteError(rc, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Connection::Connection(std::unique_ptr<pg::Connection> pg) : pg_(std::move(pg)) {}

Connection::~Connection() {
    for (auto& [sql, stmt] : cached_) sqlite3_finalize(stmt);
    if (db_ != nullptr) sqlite3_close_v2(db_);
}

Statement Connection::Prepare(std::string_view sql) {
    if (pg_) return Statement(std::make_unique<pg::Cursor>(*pg_, sql));
    if (auto it = cached_.find(sql); it != cached_.end()) {
        sqlite3_stmt* stmt = it->second;
        cached_.erase(it);
        return Statement(db_, stmt, this);
    }
    sqlite3_stmt* stmt = nullptr;
    int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        ThrowSqlite(db_, rc, "prepare");
    }
    // Only a statement whose text is the key can be found again (text after a first
    // statement is not kept by SQLite); anything else is finalized when done.
    const char* kept = sqlite3_sql(stmt);
    bool cacheable = kept != nullptr && sql == kept;
    return Statement(db_, stmt, cacheable ? this : nullptr);
}

void Connection::Return(sqlite3_stmt* stmt) {
    // Reset ends the statement's read of the database; its error, if any, was seen by Step.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (cached_.size() >= kMaxCached) {
        sqlite3_finalize(stmt);
        return;
    }
    cached_.emplace(sqlite3_sql(stmt), stmt);
}

void Connection::Exec(std::string_view sql) {
    if (pg_) return pg_->Exec(std::string(sql));
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string what = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError(sqlite3_extended_errcode(db_), "exec: " + what);
    }
}

std::int64_t Connection::QueryInt(std::string_view sql) {
    Statement st = Prepare(sql);
    if (!st.Step()) throw SqliteError(SQLITE_ERROR, "query returned no row");
    return st.Int(0);
}

std::string Connection::QueryText(std::string_view sql) {
    Statement st = Prepare(sql);
    if (!st.Step()) throw SqliteError(SQLITE_ERROR, "query returned no row");
    return st.Text(0);
}

std::int64_t Connection::LastInsertId() {
    // lastval(): the identity most recently given in this session, which is the row just inserted.
    if (pg_) return QueryInt("SELECT lastval()");
    return sqlite3_last_insert_rowid(db_);
}
int Connection::Changes() const {
    if (pg_) return pg_->changes();
    return sqlite3_changes(db_);
}

void Connection::LockLogs() {
    if (pg_) pg::LockLogs(*pg_);
}

}  // namespace spoed::db
