#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace spoed {

/// Protocol-neutral error codes. They follow the Connect protocol's codes one-to-one so the
/// API edge can map them without guessing; nothing below `daemon/api` knows about HTTP.
enum class ErrorCode {
    kInvalidArgument,
    kFailedPrecondition,
    kOutOfRange,
    kUnauthenticated,
    kPermissionDenied,
    kNotFound,
    kAlreadyExists,
    kAborted,
    kResourceExhausted,
    kUnimplemented,
    kUnavailable,
    kDeadlineExceeded,
    kInternal,
};

/// The Connect protocol name of a code ("invalid_argument", ...).
std::string_view ErrorCodeName(ErrorCode code);
/// Parses a Connect code name into `out`; returns false for an unknown name.
bool ParseErrorCode(std::string_view name, ErrorCode& out);
/// The reason an error without one stands for ("invalid_value" for invalid_argument, ...).
std::string_view DefaultReason(ErrorCode code);
/// The field a message names by convention ("youth.given_name: required" → "youth.given_name");
/// "" when the message does not start with a field path.
std::string FieldOfMessage(std::string_view message);

/// An expected failure: what went wrong, in words a user or operator can act on. Messages
/// never contain personal data (names, phone numbers, plan text): they are logged.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;
    /// Why, as data (spoed.v1.ErrorReason without its prefix, lower case: "consent_missing");
    /// empty: the API edge derives it from the code. A client puts it in its own language.
    std::string reason;
    /// The field the error is about ("youth.date_of_birth"); empty: the API edge takes it from
    /// the message, which starts with the field's name by convention.
    std::string field;
    /// Named values for the client's sentence ("max" → "100").
    std::vector<std::pair<std::string, std::string>> params;

    /// The same error with a reason (and params): `Error::NotFound(...).Because("case_closed")`.
    Error Because(std::string r, std::vector<std::pair<std::string, std::string>> p = {}) && {
        reason = std::move(r);
        params = std::move(p);
        return std::move(*this);
    }
    /// The value of params[key], or "" when absent.
    std::string Param(std::string_view key) const {
        for (const auto& [k, v] : params) {
            if (k == key) return v;
        }
        return {};
    }

    /// An error with `code` and `message` (no reason yet).
    static Error Of(ErrorCode code, std::string message) {
        Error e;
        e.code = code;
        e.message = std::move(message);
        return e;
    }
    static Error InvalidArgument(std::string m) { return Of(ErrorCode::kInvalidArgument, std::move(m)); }
    static Error FailedPrecondition(std::string m) { return Of(ErrorCode::kFailedPrecondition, std::move(m)); }
    static Error Unauthenticated(std::string m) { return Of(ErrorCode::kUnauthenticated, std::move(m)); }
    static Error PermissionDenied(std::string m) { return Of(ErrorCode::kPermissionDenied, std::move(m)); }
    static Error NotFound(std::string m) { return Of(ErrorCode::kNotFound, std::move(m)); }
    static Error AlreadyExists(std::string m) { return Of(ErrorCode::kAlreadyExists, std::move(m)); }
    static Error Aborted(std::string m) { return Of(ErrorCode::kAborted, std::move(m)); }
    static Error ResourceExhausted(std::string m) { return Of(ErrorCode::kResourceExhausted, std::move(m)); }
    static Error Unimplemented(std::string m) { return Of(ErrorCode::kUnimplemented, std::move(m)); }
    static Error Unavailable(std::string m) { return Of(ErrorCode::kUnavailable, std::move(m)); }
    static Error Internal(std::string m) { return Of(ErrorCode::kInternal, std::move(m)); }
};

/// Either a value or an Error. Expected failures travel as values, never as exceptions.
template <typename T>
class [[nodiscard]] Result {
  public:
    using value_type = T;
    Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }
    Error&& take_error() && {
        assert(!ok());
        return std::get<1>(std::move(v_));
    }

  private:
    std::variant<T, Error> v_;
};

/// Result of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const {
        assert(!ok_);
        return error_;
    }
    Error&& take_error() && {
        assert(!ok_);
        return std::move(error_);
    }

  private:
    Error error_;
    bool ok_ = true;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace spoed

/// Evaluates `expr` (a Result); on failure returns its error from the enclosing function.
#define SPOED_TRY(expr)                                       \
    do {                                                      \
        if (auto spoed_try_r_ = (expr); !spoed_try_r_.ok()) { \
            return std::move(spoed_try_r_).take_error();      \
        }                                                     \
    } while (false)

#define SPOED_CONCAT_INNER(a, b) a##b
#define SPOED_CONCAT(a, b) SPOED_CONCAT_INNER(a, b)
// `lhs` is a declaration (`auto user`) and `tmp` a name: neither can be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define SPOED_ASSIGN_INNER(tmp, lhs, expr)             \
    auto tmp = (expr);                                 \
    if (!tmp.ok()) return std::move(tmp).take_error(); \
    lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

/// `SPOED_ASSIGN(auto user, FindUser(...));` — assigns the value or returns the error. It
/// expands to several statements (it declares `lhs` in the enclosing scope), so it needs braces
/// when it is the body of an `if`.
#define SPOED_ASSIGN(lhs, expr) SPOED_ASSIGN_INNER(SPOED_CONCAT(spoed_assign_r_, __LINE__), lhs, expr)
