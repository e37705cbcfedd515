// Status and Result<T>: how every layer of carevoice reports an expected failure.
// A Status carries a closed error code, a message a person can act on, and optional
// field-level details (which line, which field, what is wrong). No exceptions cross layers.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace carevoice {

enum class StatusCode {
    kOk,
    kInvalidArgument,  // the caller's input is wrong; details say where
    kNotFound,
    kAlreadyExists,
    kPermissionDenied,
    kUnauthenticated,
    kFailedPrecondition,  // the state of the system does not allow this now
    kResourceExhausted,   // too many attempts, too large
    kUnavailable,         // a dependency (the database) cannot be reached
    kBusy,                // a dependency is busy (a database lock was not granted in time): try again shortly
    kInternal,
};

// One problem with one field of the input, e.g. {"line 12, column score", "is not a number"}.
struct FieldProblem {
    std::string field;
    std::string problem;
    bool operator==(const FieldProblem&) const = default;
};

class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(StatusCode code, std::string message, std::vector<FieldProblem> details = {})
        : code_(code), message_(std::move(message)), details_(std::move(details)) {}

    static Status Ok() { return {}; }
    static Status InvalidArgument(std::string m, std::vector<FieldProblem> d = {}) {
        return {StatusCode::kInvalidArgument, std::move(m), std::move(d)};
    }
    static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
    static Status AlreadyExists(std::string m, std::vector<FieldProblem> d = {}) {
        return {StatusCode::kAlreadyExists, std::move(m), std::move(d)};
    }
    static Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
    static Status Unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
    static Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
    static Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
    static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
    static Status Busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
    static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

    bool ok() const { return code_ == StatusCode::kOk; }
    StatusCode code() const { return code_; }
    const std::string& message() const { return message_; }
    const std::vector<FieldProblem>& details() const { return details_; }

    // "invalid_argument", "not_found", ...: the machine-readable code used by the JSON API.
    std::string CodeName() const;
    // Message followed by each detail on its own line; what the CLI prints.
    std::string ToString() const;

  private:
    StatusCode code_ = StatusCode::kOk;
    std::string message_;
    std::vector<FieldProblem> details_;
};

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
    Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
        if (std::get<Status>(data_).ok()) data_ = Status::Internal("Result constructed from an ok Status");
    }

    bool ok() const { return std::holds_alternative<T>(data_); }
    const Status& status() const {
        static const Status kOkStatus;
        return ok() ? kOkStatus : std::get<Status>(data_);
    }
    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, Status> data_;
};

}  // namespace carevoice

// Propagate a failed Status from an expression returning Status.
#define CV_RETURN_IF_ERROR(expr)                 \
    do {                                         \
        ::carevoice::Status cv_status_ = (expr); \
        if (!cv_status_.ok()) return cv_status_; \
    } while (false)

#define CV_CONCAT_INNER_(a, b) a##b
#define CV_CONCAT_(a, b) CV_CONCAT_INNER_(a, b)
// Assign the value of a Result<T> expression to `lhs`, or return its Status.
#define CV_ASSIGN_OR_RETURN(lhs, expr) CV_ASSIGN_OR_RETURN_IMPL_(CV_CONCAT_(cv_result_, __LINE__), lhs, expr)
#define CV_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
    auto tmp = (expr);                            \
    if (!tmp.ok()) return tmp.status();           \
    lhs = std::move(tmp).value()
