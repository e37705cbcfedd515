#include "store/sql.hpp"

#include <charconv>
#include <regex>

#include "core/text.hpp"

namespace carevoice::store {

std::int64_t Row::Int(std::size_t col) const {
    const Value& v = values_.at(col);
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v)) {
        auto r = text::ParseInt(*s);
        return r.ok() ? *r : 0;
    }
    return 0;
}

double Row::Double(std::size_t col) const {
    const Value& v = values_.at(col);
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (auto* s = std::get_if<std::string>(&v)) {
        auto r = text::ParseDouble(*s);
        return r.ok() ? *r : 0.0;
    }
    return 0.0;
}

std::string Row::Text(std::size_t col) const {
    const Value& v = values_.at(col);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, *d);
        return std::string(buf, r.ptr);
    }
    return {};
}

std::optional<std::int64_t> Row::OptInt(std::size_t col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
}
std::optional<double> Row::OptDouble(std::size_t col) const {
    if (IsNull(col)) return std::nullopt;
    return Double(col);
}
std::optional<std::string> Row::OptText(std::size_t col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
}

Result<Row> Connection::QueryOne(std::string_view sql, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(auto rows, Query(sql, params));
    if (rows.empty()) return Status::NotFound("no matching record");
    return std::move(rows.front());
}

Status Connection::Ping() {
    auto r = Query("SELECT 1");
    return r.ok() ? Status::Ok() : r.status();
}

Result<Transaction> Transaction::Begin(Connection& conn) {
    CV_RETURN_IF_ERROR(conn.Begin());
    return Transaction(conn);
}

Transaction::~Transaction() {
    if (open_) (void)conn_.Rollback();
}

Status Transaction::Commit() {
    if (!open_) return Status::FailedPrecondition("transaction already finished");
    open_ = false;
    Status s = conn_.Commit();
    if (!s.ok()) (void)conn_.Rollback();
    return s;
}

std::string RedactUrl(const std::string& url) {
    // Greedy to the last @, so a password with an unencoded @ is hidden whole.
    static const std::regex kPassword(R"(^(postgres(?:ql)?://[^:/@]*:).*@)");
    std::string out = std::regex_replace(url, kPassword, "$1***@");
    static const std::regex kPasswordParam(R"((password=)[^&\s]*)");
    return std::regex_replace(out, kPasswordParam, "$1***");
}

Result<ConnectionFactory> FactoryForUrl(const std::string& url) {
    if (text::StartsWith(url, "sqlite:")) {
        std::string path = url.substr(7);
        if (path.empty())
            return Status::InvalidArgument("the sqlite: URL needs a file path, e.g. sqlite:var/carevoice.db");
        return ConnectionFactory([path] { return OpenSqlite(path); });
    }
    if (text::StartsWith(url, "postgresql://") || text::StartsWith(url, "postgres://")) {
        return ConnectionFactory([url] { return OpenPostgres(url); });
    }
    return Status::InvalidArgument("unknown database URL '" + RedactUrl(url) +
                                   "': use sqlite:PATH or postgresql://user@host:port/database");
}

Result<std::shared_ptr<Database>> Database::Open(const std::string& url, std::size_t pool_size) {
    CV_ASSIGN_OR_RETURN(ConnectionFactory factory, FactoryForUrl(url));
    auto db = std::make_shared<Database>();
    db->url_ = url;
    for (std::size_t i = 0; i < std::max<std::size_t>(pool_size, 1); ++i) {
        CV_ASSIGN_OR_RETURN(auto conn, factory());
        db->engine_ = conn->engine();
        db->idle_.push_back(std::move(conn));
    }
    return db;
}

Status Database::StartBackgroundCheckpoints(std::chrono::milliseconds every) {
    if (engine_ != Engine::kSqlite || checkpointer_.joinable()) return Status::Ok();
    CV_ASSIGN_OR_RETURN(ConnectionFactory factory, FactoryForUrl(url_));
    CV_ASSIGN_OR_RETURN(std::unique_ptr<Connection> own, factory());
    {
        std::lock_guard lock(mu_);
        for (auto& conn : idle_) CV_RETURN_IF_ERROR(conn->ExecuteScript("PRAGMA wal_autocheckpoint = 0"));
    }
    checkpointer_ = std::jthread([conn = std::move(own), every](std::stop_token stop) {
        std::mutex mu;
        std::condition_variable_any wake;
        std::unique_lock lock(mu);
        while (!wake.wait_for(lock, stop, every, [&] { return stop.stop_requested(); })) {
            // Busy (a reader holds old frames) is normal: what is left is moved the next time.
            (void)conn->ExecuteScript("PRAGMA wal_checkpoint(PASSIVE)");
        }
    });
    return Status::Ok();
}

Database::Lease Database::Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty(); });
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
}

void Database::Release(std::unique_ptr<Connection> conn) {
    {
        std::lock_guard lock(mu_);
        idle_.push_back(std::move(conn));
    }
    cv_.notify_one();
}

Database::Lease::~Lease() {
    if (conn_) db_->Release(std::move(conn_));
}

}  // namespace carevoice::store
