#include "base/search_query.hpp"

#include <array>
#include <cstdint>

namespace spoed {
namespace {

// Everything here works on bytes by hand rather than through <cctype>, whose functions are undefined
// for negative chars and depend on the locale; the parser is fuzzed with arbitrary bytes.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Decodes the UTF-8 sequence at s[i] into `cp` and returns its length, or 0 when it is not valid
/// (truncated, overlong, a surrogate or above U+10FFFF).
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    unsigned char c = byte(0);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (s.size() - i < n) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

/// A range of letters that fold to the same base. Upper and lower case sit next to each other in
/// these blocks, so one run covers both.
struct FoldRun {
    char32_t first;
    char32_t last;
    std::string_view base;
};

// Latin-1 Supplement letters (× U+00D7 and ÷ U+00F7 are not letters and stay), Latin Extended-A
// complete, and the Romanian comma-below letters from Extended-B.
constexpr std::array kFoldRuns{
    FoldRun{0x00C0, 0x00C5, "a"},  FoldRun{0x00C6, 0x00C6, "ae"}, FoldRun{0x00C7, 0x00C7, "c"},
    FoldRun{0x00C8, 0x00CB, "e"},  FoldRun{0x00CC, 0x00CF, "i"},  FoldRun{0x00D0, 0x00D0, "d"},
    FoldRun{0x00D1, 0x00D1, "n"},  FoldRun{0x00D2, 0x00D6, "o"},  FoldRun{0x00D8, 0x00D8, "o"},
    FoldRun{0x00D9, 0x00DC, "u"},  FoldRun{0x00DD, 0x00DD, "y"},  FoldRun{0x00DE, 0x00DE, "th"},
    FoldRun{0x00DF, 0x00DF, "ss"}, FoldRun{0x00E0, 0x00E5, "a"},  FoldRun{0x00E6, 0x00E6, "ae"},
    FoldRun{0x00E7, 0x00E7, "c"},  FoldRun{0x00E8, 0x00EB, "e"},  FoldRun{0x00EC, 0x00EF, "i"},
    FoldRun{0x00F0, 0x00F0, "d"},  FoldRun{0x00F1, 0x00F1, "n"},  FoldRun{0x00F2, 0x00F6, "o"},
    FoldRun{0x00F8, 0x00F8, "o"},  FoldRun{0x00F9, 0x00FC, "u"},  FoldRun{0x00FD, 0x00FD, "y"},
    FoldRun{0x00FE, 0x00FE, "th"}, FoldRun{0x00FF, 0x00FF, "y"},  FoldRun{0x0100, 0x0105, "a"},
    FoldRun{0x0106, 0x010D, "c"},  FoldRun{0x010E, 0x0111, "d"},  FoldRun{0x0112, 0x011B, "e"},
    FoldRun{0x011C, 0x0123, "g"},  FoldRun{0x0124, 0x0127, "h"},  FoldRun{0x0128, 0x0131, "i"},
    FoldRun{0x0132, 0x0133, "ij"}, FoldRun{0x0134, 0x0135, "j"},  FoldRun{0x0136, 0x0138, "k"},
    FoldRun{0x0139, 0x0142, "l"},  FoldRun{0x0143, 0x014B, "n"},  FoldRun{0x014C, 0x0151, "o"},
    FoldRun{0x0152, 0x0153, "oe"}, FoldRun{0x0154, 0x0159, "r"},  FoldRun{0x015A, 0x0161, "s"},
    FoldRun{0x0162, 0x0167, "t"},  FoldRun{0x0168, 0x0173, "u"},  FoldRun{0x0174, 0x0175, "w"},
    FoldRun{0x0176, 0x0178, "y"},  FoldRun{0x0179, 0x017E, "z"},  FoldRun{0x017F, 0x017F, "s"},
    FoldRun{0x0218, 0x0219, "s"},  FoldRun{0x021A, 0x021B, "t"},
};

const FoldRun* FindFoldRun(char32_t cp) {
    if (cp < 0x00C0 || cp > 0x021B) return nullptr;
    for (const auto& run : kFoldRuns) {
        if (cp >= run.first && cp <= run.last) return &run;
    }
    return nullptr;
}

/// Unicode White_Space, the zero-width space and BOM (invisible in a pasted name), and all control
/// characters: none of them can be part of a name, a date or a number.
bool IsSeparator(char32_t cp) {
    return cp <= 0x20 || cp == ',' || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/// Characters a phone number or a date may be written with.
bool IsNumberChar(char c) { return IsDigit(c) || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/'; }

/// Digits written with phone/date punctuation only ("06-12345678", "(050)", "3-7-2010", "+31").
bool IsNumeric(std::string_view token) {
    bool digit = false;
    for (char c : token) {
        if (!IsNumberChar(c)) return false;
        digit = digit || IsDigit(c);
    }
    return digit;
}

std::string_view TrimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Parses 1 to 4 ASCII digits; -1 otherwise.
int SmallNumber(std::string_view s) {
    if (s.empty() || s.size() > 4) return -1;
    int n = 0;
    for (char c : s) {
        if (!IsDigit(c)) return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

/// Three groups of digits with the same separator between them ("3-7-2010", "12.34.56"), the shape
/// of a date whether or not it is one.
struct DateGroups {
    std::array<std::string_view, 3> groups;
    char separator = 0;
};

std::optional<DateGroups> SplitDateGroups(std::string_view s) {
    DateGroups out;
    std::size_t start = 0;
    std::size_t g = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && IsDigit(s[i])) continue;
        if (i < s.size()) {
            char c = s[i];
            if (c != '-' && c != '/' && c != '.') return std::nullopt;
            if (out.separator == 0) out.separator = c;
            if (c != out.separator || g == 2) return std::nullopt;
        }
        if (i == start) return std::nullopt;  // empty group
        out.groups[g++] = s.substr(start, i - start);
        start = i + 1;
    }
    if (g != 3) return std::nullopt;
    return out;
}

std::optional<std::chrono::year_month_day> MakeDate(int y, int m, int d) {
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

/// Leading and trailing punctuation that is never part of a name ("(Sofie)", "Jansen;"). Apostrophes
/// and hyphens are not in it: "'t Hart".
bool IsTrimmedPunctuation(char c) {
    constexpr std::string_view kPunctuation = ".,;:!?\"()[]{}<>*";
    return kPunctuation.find(c) != std::string_view::npos;
}

/// Whether a name token holds anything to search for: a letter or digit, or any non-ASCII character
/// other than typographic apostrophes and dashes.
bool IsSearchable(std::string_view token) {
    for (std::size_t i = 0; i < token.size();) {
        char32_t cp = 0;
        std::size_t n = DecodeUtf8(token, i, cp);
        if (n == 0) return false;  // not reached: the query was validated
        bool punctuation = cp < 0x80 ? !IsAsciiAlnum(static_cast<char>(cp))
                                     : (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2018 || cp == 0x2019;
        if (!punctuation) return true;
        i += n;
    }
    return false;
}

// Enough for "+31 6 12 34 56 78"; bounds the work of trying every join.
constexpr std::size_t kMaxJoinedTokens = 8;

Error QueryError(std::string_view what) { return Error::InvalidArgument("query: " + std::string(what)); }

}  // namespace

std::string SearchQuery::Kind() const {
    std::string kind;
    auto add = [&kind](std::string_view part) {
        if (!kind.empty()) kind += '+';
        kind += part;
    };
    if (phone) add("phone");
    if (date) add("date");
    if (!name_terms.empty()) add("name");
    return kind.empty() ? "none" : kind;
}

std::optional<std::string> NormalizePhone(std::string_view text) {
    std::string digits;
    bool plus = false;
    bool open = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (IsDigit(c)) {
            digits += c;
        } else if (c == '+') {
            if (plus || !digits.empty()) return std::nullopt;
            plus = true;
        } else if (c == ' ' || c == '-' || c == '.' || c == '/') {
            continue;
        } else if (c == '(') {
            if (open) return std::nullopt;
            bool after_country_code = plus ? !digits.empty() : digits.size() > 2 && digits.starts_with("00");
            if (after_country_code && text.substr(i).starts_with("(0)")) {
                i += 2;  // the trunk prefix, not dialled from abroad: "+31 (0)6 ..."
                continue;
            }
            open = true;
        } else if (c == ')') {
            if (!open) return std::nullopt;
            open = false;
        } else {
            return std::nullopt;
        }
    }
    if (open) return std::nullopt;

    std::string_view international;
    if (plus) {
        international = digits;
    } else if (digits.starts_with("00")) {
        international = std::string_view(digits).substr(2);
    } else if (digits.starts_with("0")) {
        if (digits.size() != 10) return std::nullopt;
        return "+31" + digits.substr(1);
    } else {
        return std::nullopt;
    }
    if (international.empty() || international.front() == '0') return std::nullopt;  // no country code
    if (international.starts_with("31")) {
        // Dutch numbers are held to the national rule so that every notation of one number gives the
        // same key; "+31 06 ..." (trunk 0 typed without parentheses) is common enough to accept.
        std::string_view national = international.substr(2);
        if (national.starts_with("0")) national.remove_prefix(1);
        if (national.size() != 9 || national.front() == '0') return std::nullopt;
        return "+31" + std::string(national);
    }
    if (international.size() < 8 || international.size() > 15) return std::nullopt;
    return "+" + std::string(international);
}

std::optional<std::chrono::year_month_day> ParseDutchDate(std::string_view text) {
    std::string_view s = TrimSpaces(text);
    if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string_view::npos) {
        return MakeDate(SmallNumber(s.substr(4, 4)), SmallNumber(s.substr(2, 2)), SmallNumber(s.substr(0, 2)));
    }
    auto split = SplitDateGroups(s);
    if (!split) return std::nullopt;
    const auto& g = split->groups;
    if (g[0].size() == 4 && split->separator == '-' && g[1].size() <= 2 && g[2].size() <= 2) {
        return MakeDate(SmallNumber(g[0]), SmallNumber(g[1]), SmallNumber(g[2]));
    }
    if (g[0].size() <= 2 && g[1].size() <= 2 && g[2].size() == 4) {
        return MakeDate(SmallNumber(g[2]), SmallNumber(g[1]), SmallNumber(g[0]));
    }
    return std::nullopt;
}

std::string FoldName(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        std::size_t n = DecodeUtf8(utf8, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER, one per bad byte
            ++i;
            continue;
        }
        if (cp < 0x80) {
            out += AsciiLower(static_cast<char>(cp));
        } else if (const FoldRun* run = FindFoldRun(cp)) {
            out += run->base;
        } else if (cp >= 0x0300 && cp <= 0x036F) {
            // Combining accent of a decomposed letter: dropped like the accent of a precomposed one.
        } else {
            out.append(utf8.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string PhoneDigitsKey(std::string_view normalised) {
    std::string key;
    for (char c : normalised) {
        if (IsDigit(c)) key += c;
    }
    return key;
}

Result<SearchQuery> ParseSearchQuery(std::string_view query) {
    if (query.size() > kMaxSearchQueryBytes) return QueryError("longer than 200 bytes");

    std::vector<std::string_view> tokens;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= query.size();) {
        char32_t cp = 0;
        std::size_t n = 0;
        if (i < query.size()) {
            n = DecodeUtf8(query, i, cp);
            if (n == 0) return QueryError("not valid UTF-8");
            if (!IsSeparator(cp)) {
                i += n;
                continue;
            }
        }
        if (i > start) tokens.push_back(query.substr(start, i - start));
        if (i == query.size()) break;
        i += n;
        start = i;
    }
    if (tokens.empty()) return QueryError("empty");

    // A valid date written with separators is never part of a phone number, so it ends a run of
    // numeric tokens; eight bare digits may be ("06 13012010"), and are a date only when alone.
    auto joinable = [](std::string_view t) {
        return IsNumeric(t) && !(t.find_first_of("-/.") != std::string_view::npos && ParseDutchDate(t));
    };

    SearchQuery out;
    for (std::size_t i = 0; i < tokens.size();) {
        std::string_view token = tokens[i];
        if (joinable(token)) {
            std::size_t run_end = i;
            while (run_end < tokens.size() && run_end - i < kMaxJoinedTokens && joinable(tokens[run_end])) ++run_end;
            // Longest first: "06 1234 5678" rather than stopping at "06".
            std::optional<std::string> phone;
            std::size_t end = run_end;
            for (; end > i; --end) {
                std::string candidate;
                for (std::size_t k = i; k < end; ++k) {
                    if (k > i) candidate += ' ';
                    candidate += tokens[k];
                }
                phone = NormalizePhone(candidate);
                if (phone) break;
            }
            if (phone) {
                if (out.phone) return QueryError("more than one phone number");
                out.phone = std::move(phone);
                i = end;
                continue;
            }
        }
        if (auto date = ParseDutchDate(token)) {
            if (out.date) return QueryError("more than one date");
            out.date = date;
        } else if (IsNumeric(token)) {
            // Names hold no digits: searching them for this would silently find nobody.
            if (SplitDateGroups(token)) return QueryError("not a valid date (day-month-year, years 1900-2100)");
            return QueryError("a number that is neither a date of birth nor a phone number");
        } else {
            while (!token.empty() && IsTrimmedPunctuation(token.front())) token.remove_prefix(1);
            while (!token.empty() && IsTrimmedPunctuation(token.back())) token.remove_suffix(1);
            // Checked after folding: a lone combining accent folds to nothing.
            std::string term = FoldName(token);
            if (IsSearchable(term)) out.name_terms.push_back(std::move(term));
        }
        ++i;
    }
    if (!out.phone && !out.date && out.name_terms.empty()) return QueryError("nothing searchable");
    return out;
}

}  // namespace spoed
