#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spoed {

/// Length of the well-formed UTF-8 sequence starting at s[i] (1–4), or 0 when the bytes there
/// are not valid UTF-8 (RFC 3629: bad lead byte, overlong form, UTF-16 surrogate, above
/// U+10FFFF, missing continuation bytes).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i);

/// Whether all of `s` is well-formed UTF-8 (Utf8SequenceLength never 0).
bool IsValidUtf8(std::string_view s);

/// `s` with every byte that is not part of valid UTF-8 replaced by '?'.
std::string ValidUtf8(std::string_view s);

}  // namespace spoed
