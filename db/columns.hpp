#pragma once

// A table's columns declared once: each column's name and the record field it holds. A
// repository builds its INSERT, UPDATE and SELECT lists, binds a record and reads a row from
// that one declaration, so a column cannot be bound at one position and read at another.
//
//   const Column<CaseRecord> kCaseColumns[] = {Col<&CaseRecord::status>("status"), ...};
//   const Table<CaseRecord> kCases("cases", kCaseColumns);
//   auto st = c.Prepare(kCases.InsertSql());
//   kCases.Bind(st, record);

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/clock.hpp"
#include "db/sqlite.hpp"

namespace spoed::db {

/// One column: its name, how a record's field is bound to a parameter and read back.
template <class R>
struct Column {
    std::string_view name;
    void (*bind)(Statement& st, int index, const R& record);
    void (*read)(const Statement& st, int column, R& record);
};

namespace column_detail {

template <class T>
struct MemberOf;
template <class R, class T>
struct MemberOf<T R::*> {
    using Record = R;
    using Type = T;
};

template <class T>
void BindValue(Statement& st, int index, const T& value) {
    if constexpr (std::is_same_v<T, TimePoint>) {
        st.Bind(index, ToMicros(value));
    } else if constexpr (std::is_same_v<T, std::optional<TimePoint>>) {
        st.Bind(index, OptMicros(value));
    } else {
        st.Bind(index, value);
    }
}

template <class T>
T ReadValue(const Statement& st, int column) {
    if constexpr (std::is_same_v<T, std::string>) {
        return st.Text(column);
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        return st.OptText(column);
    } else if constexpr (std::is_same_v<T, bool>) {
        return st.Int(column) != 0;
    } else if constexpr (std::is_integral_v<T>) {
        return static_cast<T>(st.Int(column));
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
        return st.OptInt(column);
    } else if constexpr (std::is_same_v<T, double>) {
        return st.Double(column);
    } else if constexpr (std::is_same_v<T, TimePoint>) {
        return FromMicros(st.Int(column));
    } else if constexpr (std::is_same_v<T, std::optional<TimePoint>>) {
        return OptTime(st, column);
    } else {
        static_assert(sizeof(T) == 0, "no column mapping for this field type");
    }
}

}  // namespace column_detail

/// The column `name` holding the field `Member` (`&CaseRecord::status`).
template <auto Member>
constexpr auto Col(std::string_view name) {
    using Traits = column_detail::MemberOf<decltype(Member)>;
    using R = typename Traits::Record;
    using T = typename Traits::Type;
    return Column<R>{name, [](Statement& st, int i, const R& r) { column_detail::BindValue(st, i, r.*Member); },
                     [](const Statement& st, int c, R& r) { r.*Member = column_detail::ReadValue<T>(st, c); }};
}

/// A table and its declared columns (the id column is not among them: the database gives it).
/// Its INSERT and UPDATE statements are made once, when the table is declared: a repository
/// runs them on every write.
template <class R>
class Table {
  public:
    Table(std::string_view name, std::span<const Column<R>> columns) : name_(name), columns_(columns) {
        std::string values, set;
        for (int i = 1; i <= size(); ++i) {
            const std::string n = std::to_string(i);
            values += (i == 1 ? "?" : ", ?") + n;
            if (i > 1) set += ", ";
            set.append(columns_[static_cast<std::size_t>(i - 1)].name).append(" = ?").append(n);
        }
        insert_sql_ = "INSERT INTO " + name_ + " (" + Names() + ") VALUES (" + values + ")";
        update_sql_ = "UPDATE " + name_ + " SET " + set + " WHERE id = ?" + std::to_string(size() + 1);
    }

    int size() const { return static_cast<int>(columns_.size()); }

    /// "a, b, c", each name after `prefix` (a table alias such as "k.").
    std::string Names(std::string_view prefix = "") const {
        std::string out;
        for (const auto& c : columns_) {
            if (!out.empty()) out += ", ";
            out.append(prefix).append(c.name);
        }
        return out;
    }
    /// INSERT of every column, parameters ?1..?n in the columns' order.
    const std::string& InsertSql() const { return insert_sql_; }
    /// UPDATE of every column (?1..?n) of the row whose id is ?n+1.
    const std::string& UpdateSql() const { return update_sql_; }
    /// Binds the record's fields to ?1..?n; returns n.
    int Bind(Statement& st, const R& record) const {
        for (int i = 0; i < size(); ++i) columns_[static_cast<std::size_t>(i)].bind(st, i + 1, record);
        return size();
    }
    /// Reads the columns, selected as Names() lists them, starting at result column `first`.
    void Read(const Statement& st, int first, R& record) const {
        for (int i = 0; i < size(); ++i) columns_[static_cast<std::size_t>(i)].read(st, first + i, record);
    }

  private:
    std::string name_;
    std::span<const Column<R>> columns_;
    std::string insert_sql_;
    std::string update_sql_;
};

}  // namespace spoed::db
