// Fuzz target: what a crisis worker types into the search box (base/search_query.hpp):
// ParseSearchQuery, NormalizePhone, ParseDutchDate and FoldName on the same bytes, checking the
// promises of their comments, not only "no crash".
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/search_query.hpp"
#include "base/utf8.hpp"

namespace {

using namespace spoed;

[[noreturn]] void Die(const char* why) {
    std::fprintf(stderr, "search_query: %s\n", why);
    std::abort();
}

bool IsDigits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);

    auto folded = FoldName(text);
    if (!IsValidUtf8(folded)) Die("FoldName gave invalid UTF-8");

    if (auto phone = NormalizePhone(text)) {
        // "+" and 8 to 15 digits; normalising it again changes nothing.
        if (phone->size() < 9 || phone->size() > 16 || (*phone)[0] != '+' || !IsDigits(phone->substr(1))) {
            Die("NormalizePhone gave a malformed number");
        }
        if (NormalizePhone(*phone) != phone) Die("NormalizePhone is not stable on its own output");
        if (PhoneDigitsKey(*phone) != phone->substr(1)) Die("PhoneDigitsKey differs from the digits");
    }

    if (auto date = ParseDutchDate(text)) {
        if (!date->ok() || date->year() < std::chrono::year{1900} || date->year() > std::chrono::year{2100}) {
            Die("ParseDutchDate gave an impossible date");
        }
    }

    auto query = ParseSearchQuery(text);
    if (!query.ok()) {
        if (query.error().code != spoed::ErrorCode::kInvalidArgument) Die("refusal is not invalid_argument");
        if (!query.error().message.starts_with("query: ")) Die("refusal does not name the field");
        return 0;
    }
    if (size > kMaxSearchQueryBytes) Die("accepted a query longer than the limit");
    if (query->Kind() == "none") Die("accepted a query with nothing to search");
    if (query->phone && NormalizePhone(*query->phone) != query->phone) Die("query phone is not normalised");
    if (query->date && !query->date->ok()) Die("query date is impossible");
    for (const auto& term : query->name_terms) {
        if (term.empty() || !IsValidUtf8(term)) Die("empty or invalid name term");
        if (FoldName(term) != term) Die("name term is not folded");
    }
    return 0;
}
