#include "dialler/adapters/twilio/crypto_util.hpp"

#include <array>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace dialler::adapters::twilio {

namespace {

std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int len = 0;
    HMAC(
        md,
        key.data(),
        static_cast<int>(key.size()),
        reinterpret_cast<const unsigned char*>(data.data()),
        data.size(),
        out.data(),
        &len
    );
    return {reinterpret_cast<const char*>(out.data()), len};
}

}  // namespace

std::string HmacSha1(std::string_view key, std::string_view data) {
    return Hmac(EVP_sha1(), key, data);
}

std::string HmacSha256(std::string_view key, std::string_view data) {
    return Hmac(EVP_sha256(), key, data);
}

std::string Sha256Hex(std::string_view data) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (const unsigned char b : digest) {
        out += kHex[b >> 4U];
        out += kHex[b & 0x0FU];
    }
    return out;
}

std::string Base64(std::string_view bytes) {
    std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
    const int n = EVP_EncodeBlock(
        out.data(),
        reinterpret_cast<const unsigned char*>(bytes.data()),
        static_cast<int>(bytes.size())
    );
    return {reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n)};
}

std::string Base64Url(std::string_view bytes) {
    std::string s = Base64(bytes);
    for (char& c : s) {
        if (c == '+') {
            c = '-';
        } else if (c == '/') {
            c = '_';
        }
    }
    while (!s.empty() && s.back() == '=') {
        s.pop_back();
    }
    return s;
}

std::optional<std::string> DecodeBase64Url(std::string_view text) {
    std::string b64(text);
    for (char& c : b64) {
        if (c == '-') {
            c = '+';
        } else if (c == '_') {
            c = '/';
        } else if (c == '+' || c == '/' || c == '=') {
            return std::nullopt;
        }
    }
    if (b64.size() % 4 == 1) {
        return std::nullopt;
    }
    const std::size_t padding = (4 - b64.size() % 4) % 4;
    b64.append(padding, '=');
    std::vector<unsigned char> out(b64.size() / 4 * 3 + 1);
    const int n = EVP_DecodeBlock(
        out.data(), reinterpret_cast<const unsigned char*>(b64.data()), static_cast<int>(b64.size())
    );
    if (n < 0) {
        return std::nullopt;
    }
    // EVP_DecodeBlock counts the padding as zero bytes.
    return std::string(
        reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n) - padding
    );
}

}  // namespace dialler::adapters::twilio
