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

}  // namespace spoed
