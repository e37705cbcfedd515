#include "app/crypto.hpp"

#include <sodium.h>

#include <vector>

namespace carevoice::app {
namespace {

std::string Base64Url(const unsigned char* data, std::size_t len) {
    std::string out(sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), data, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

}  // namespace

Status InitCrypto() {
    if (sodium_init() < 0) return Status::Internal("libsodium could not be initialised");
    return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
    char out[crypto_pwhash_STRBYTES];
    unsigned long long ops =
        cost == PasswordCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
    std::size_t mem =
        cost == PasswordCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
    // crypto_pwhash_str uses Argon2id (crypto_pwhash_ALG_DEFAULT) in libsodium >= 1.0.15.
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status::ResourceExhausted("not enough memory to hash the password");
    }
    return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
    if (encoded_hash.rfind("$argon2id$", 0) != 0) return false;
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken(std::size_t bytes) {
    std::vector<unsigned char> buf(bytes);
    randombytes_buf(buf.data(), buf.size());
    return Base64Url(buf.data(), buf.size());
}

std::string TemporaryPassword() {
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";  // 32 characters
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0) out += '-';
        out += kAlphabet[randombytes_uniform(32)];
    }
    return out;
}

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string HmacToken(std::string_view key, std::string_view message) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return Base64Url(mac, sizeof mac);
}

bool EqualsConstantTime(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace carevoice::app
