#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spoed {

/// `bytes` written `width` bits (5 for base32, 6 for base64) per character of `alphabet`,
/// most significant first, the last character padded with zero bits; no '=' padding.
std::string EncodeBits(std::string_view bytes, int width, std::string_view alphabet);
/// The bytes of `text` written as EncodeBits writes them (the last partial byte dropped);
/// nullopt when a character is not in `alphabet`.
std::optional<std::string> DecodeBits(std::string_view text, int width, std::string_view alphabet);

/// Lower-case hexadecimal, two digits a byte, and back (nullopt when `hex` is not hex).
std::string Hex(std::string_view bytes);
std::optional<std::string> FromHex(std::string_view hex);

}  // namespace spoed
