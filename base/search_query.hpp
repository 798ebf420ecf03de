#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace spoed {

/// What a crisis worker typed into the one search box, classified: at most one phone number, at
/// most one date of birth, and any number of name fragments.
struct SearchQuery {
    std::optional<std::string> phone;                 // normalised, e.g. "+31612345678"
    std::optional<std::chrono::year_month_day> date;  // a valid calendar date
    /// Folded (see FoldName), each at least one character and containing a letter or digit, in the
    /// order typed. They may contain '%', '_' or '\'': callers building LIKE/MATCH patterns escape them.
    std::vector<std::string> name_terms;

    /// "phone", "date", "name", "date+name", "phone+name", "phone+date+name"... (parts in that order)
    /// for the audit log; never the text itself. "none" for an empty query.
    std::string Kind() const;
};

/// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxSearchQueryBytes = 200;

/// Parses a query of at most 200 bytes of UTF-8. Tokens are split on whitespace (including
/// no-break and other Unicode spaces), control characters and commas; runs of adjacent numeric
/// tokens are joined when together they form a phone number ("06 1234 5678").
/// Errors are invalid_argument with a message starting "query: " and never containing the text:
/// empty or blank, too long, invalid UTF-8, nothing searchable (only punctuation), two dates, two
/// phone numbers, an impossible date ("31-02-2010"), or a number that is neither a date nor a phone
/// number ("12345") — the last two because searching names for digits would silently find nobody.
Result<SearchQuery> ParseSearchQuery(std::string_view query);

/// Normalises a phone number in any common Dutch/international notation, or nullopt when it isn't one:
/// "06-12345678", "06 1234 5678", "+31 6 1234 5678", "+31 (0)6 12345678", "0031612345678", "(050) 123 4567",
/// "050-1234567" → "+31612345678" / "+31501234567". Separators: spaces, '-', '.', '/', parentheses (balanced,
/// not nested); "(0)" after the country code is dropped. "+" or "00" prefix: international, 8–15 digits after
/// it, not starting with 0; a Dutch (+31) number must then have the 9 digits of a national number, and a
/// stray trunk 0 ("+31 06 ...") is dropped. Leading single "0": Dutch national number, must be 10 digits →
/// "+31" + the 9 after the 0. Anything else (letters, too short/long) → nullopt.
std::optional<std::string> NormalizePhone(std::string_view text);

/// Parses Dutch date notations: "3-7-2010", "03-07-2010", "3/7/2010", "3.7.2010" (day-month-year, one
/// separator throughout), "2010-07-03" (ISO), and "03072010" (8 digits, ddmmyyyy). Surrounding ASCII spaces
/// are ignored. nullopt for impossible dates (31-02-2010, month 13), two-digit years and years outside
/// 1900–2100.
std::optional<std::chrono::year_month_day> ParseDutchDate(std::string_view text);

/// Case- and accent-folding for names, so "Sofie" finds "Sofië": ASCII lower-cased; Latin-1 Supplement and
/// Latin Extended-A letters (and Romanian ș ț) mapped to their lower-case base letters (é → e, æ → ae,
/// ß → ss, ĳ → ij, ł → l, ı → i, þ → th ...); combining accents (U+0300–U+036F, as in decomposed "e\u0308")
/// dropped; apostrophes (' and ’) and hyphens kept as-is so "'t Hart" and "Jansen-de Vries" stay searchable;
/// other code points unchanged. Invalid UTF-8 bytes become U+FFFD, so the result is always valid UTF-8.
/// Stored names (db::YouthRecord::folded_name) and name terms must both go through this function.
std::string FoldName(std::string_view utf8);

/// The key stored next to each phone number for look-up: the normalised number without its '+'
/// ("+31612345678" → "31612345678"), so that digit-only matching needs no escaping. Any character that is
/// not a digit is dropped.
std::string PhoneDigitsKey(std::string_view normalised);

}  // namespace spoed
