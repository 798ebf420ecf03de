#include "base/bits.hpp"

#include <cstdint>

namespace spoed {

std::optional<std::string> DecodeBits(std::string_view text, int width, std::string_view alphabet) {
    std::string out;
    std::uint32_t buf = 0;
    int bits = 0;
    for (char c : text) {
        auto at = alphabet.find(c);
        if (at == std::string_view::npos) return std::nullopt;
        buf = (buf << width) | static_cast<std::uint32_t>(at);
        bits += width;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buf >> bits) & 0xff);
        }
    }
    return out;
}

std::string EncodeBits(std::string_view bytes, int width, std::string_view alphabet) {
    const std::uint32_t mask = (1u << width) - 1;
    std::string out;
    std::uint32_t buf = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buf = (buf << 8) | c;
        bits += 8;
        while (bits >= width) {
            bits -= width;
            out += alphabet[(buf >> bits) & mask];
        }
    }
    if (bits > 0) out += alphabet[(buf << (width - bits)) & mask];
    return out;
}

std::string Hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
    }
    return out;
}

std::optional<std::string> FromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

}  // namespace spoed
