// Test data for the tracking list and the pathway API (compiled into web_tests only): a server with a
// coordinator of RAA, a coordinator of RYY (no pathways), a coordinator with no organisation, an admin, a
// member and an analyst; and seven open pathways as of 1 March 2025 whose clocks sit on the red/amber/green
// boundaries (days to breach worked by hand from the referral dates):
//   RED0   RAA lung   E38A  referral 2025-02-01: FDS 0 days to breach -> red; no key worker
//   AMB7   RAA breast E38B  referral 2025-02-08: FDS 7 -> amber
//   GRN8   RAA lung   E38A  referral 2025-02-09: FDS 8 -> green; key worker Kim Nurse (account kim)
//   AMB14  RAA lung   E38A  referral 2025-01-12, diagnosed 2025-01-20 (FDS met): 62-day 14 -> amber
//   GRN15  RAA lung   E38A  referral 2025-01-13, diagnosed 2025-01-20: 62-day 15 -> green
//   OTHER  RZZ colorectal E38C referral 2025-02-01 (patient "Zed Outsider"): not involving RAA
//   XFER   RZZ lung   E38C  referral 2025-02-10, transfer sent to RAA 2025-02-20: involves RAA
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {

inline constexpr const char* kTrackingPassword = "tracking-password-1";

class TrackingFixture {
  public:
    TrackingFixture();
    TestServer& server() { return *server_; }
    std::unique_ptr<Browser> As(const std::string& username);
    std::int64_t PathwayId(const std::string& ref);
    // Runs one statement on the server's database (test set-up only).
    void Sql(const std::string& sql);

    struct Spec {
        const char* ref;
        const char* provider;
        const char* tumour;
        const char* area;
        const char* referral;
        const char* given;
        const char* family;
        const char* nine;
    };

  private:
    void FillPathways(std::span<const Spec> specs);
    std::unique_ptr<TestServer> server_;
};

// Every href and action attribute value in an HTML page.
std::vector<std::string> LinksIn(const std::string& html);

}  // namespace carevoice::web::testing
