// Cryptographic primitives from libsodium: Argon2id password hashes, random tokens, SHA-256 and
// HMAC. Call InitCrypto() once before anything else (sodium_init is thread-safe and idempotent).
#pragma once

#include <string>
#include <string_view>

#include "core/status.hpp"

namespace carevoice::app {

// How expensive a password hash is.
enum class PasswordCost {
    kInteractive,  // libsodium's INTERACTIVE Argon2id limits: the production default
    kMinimum,      // libsodium's MIN limits: still Argon2id, for fast tests only
};

Status InitCrypto();
// An Argon2id hash in the standard encoded form ($argon2id$v=19$m=...,t=...,p=1$salt$hash).
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);
// `bytes` random bytes, base64url without padding.
std::string RandomToken(std::size_t bytes = 32);
std::string Sha256Hex(std::string_view data);
// A temporary password to read out: four groups of four letters and digits ("k7mq-2xtb-9hpr-c4wd"), without
// 0, 1, l or o; 80 bits from libsodium's random generator.
std::string TemporaryPassword();
// HMAC-SHA-256 of `message` under `key`, base64url.
std::string HmacToken(std::string_view key, std::string_view message);
// Constant-time comparison.
bool EqualsConstantTime(std::string_view a, std::string_view b);

}  // namespace carevoice::app
