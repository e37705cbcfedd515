#include "app/crypto.hpp"

#include <gtest/gtest.h>

#include "app/accounts.hpp"

namespace carevoice::app {
namespace {

class CryptoTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(InitCrypto().ok()); }
};

TEST_F(CryptoTest, PasswordHashIsArgon2idAndVerifies) {
    auto hash = HashPassword("correct horse battery", PasswordCost::kMinimum);
    ASSERT_TRUE(hash.ok());
    EXPECT_EQ(hash->rfind("$argon2id$v=19$", 0), 0u);
    EXPECT_TRUE(VerifyPassword("correct horse battery", *hash));
    EXPECT_FALSE(VerifyPassword("correct horse batterY", *hash));
}

TEST_F(CryptoTest, SamePasswordHashesDifferently) {
    EXPECT_NE(*HashPassword("same-password", PasswordCost::kMinimum),
              *HashPassword("same-password", PasswordCost::kMinimum));
}

TEST_F(CryptoTest, ProductionCostUsesInteractiveLimits) {
    // libsodium's INTERACTIVE limits: 64 MiB of memory, 2 passes.
    auto hash = HashPassword("x", PasswordCost::kInteractive);
    EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos);
}

TEST_F(CryptoTest, NonArgonHashNeverVerifies) { EXPECT_FALSE(VerifyPassword("x", "plain-text-x")); }

TEST_F(CryptoTest, Sha256OfKnownInput) {
    // FIPS 180-2 example: SHA-256("abc").
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(CryptoTest, HmacOfKnownInput) {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" ->
    // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843, here in base64url.
    EXPECT_EQ(HmacToken("Jefe", "what do ya want for nothing?"), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
}

TEST_F(CryptoTest, RandomTokensDiffer) {
    EXPECT_NE(RandomToken(), RandomToken());
    EXPECT_EQ(RandomToken(32).size(), 43u);
}

}  // namespace
}  // namespace carevoice::app

namespace carevoice::app {
namespace {

TEST(TemporaryPasswordTest, FourGroupsOfFourWithoutLookAlikesAndNeverTheSame) {
    const std::string a = TemporaryPassword();
    ASSERT_EQ(a.size(), 19u);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i % 5 == 4) {
            EXPECT_EQ(a[i], '-') << a;
        } else {
            EXPECT_EQ(std::string("abcdefghijkmnpqrstuvwxyz23456789").find(a[i]) != std::string::npos, true) << a;
        }
    }
    EXPECT_NE(TemporaryPassword(), a);
    EXPECT_FALSE(PasswordProblem(a).has_value()) << "a temporary password meets the password rules";
}

}  // namespace
}  // namespace carevoice::app
