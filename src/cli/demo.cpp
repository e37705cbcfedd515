// carevoice demo: fills an empty database with a demo organisation and one account per role, so
// that `make run` shows carevoice at once. Later capabilities add their demo data here.
#include <cstdio>

#include "cli/commands.hpp"
#include "store/accounts_repository.hpp"
#include "store/organisations_repository.hpp"
#include "web/accounts.hpp"
#include "web/crypto.hpp"

namespace carevoice::cli {
namespace {

struct DemoAccount {
    const char* username;
    const char* name;
    Role role;
};

// Demo passwords are public by design: a demo database must never hold real data.
constexpr DemoAccount kDemoAccounts[] = {
    {"admin", "Alex Admin", Role::kAdmin},
    {"analyst", "Priya Analyst", Role::kAnalyst},
    {"facilitator", "Fran Facilitator", Role::kFacilitator},
    {"member", "Morgan Member", Role::kMember},
    {"coordinator", "Kim Coordinator", Role::kCoordinator},
};

std::string DemoPassword(const DemoAccount& a) { return std::string("demo-") + a.username + "-2026"; }

void PrintAccounts() {
    std::printf("\nDemo accounts (demo data only, never real patients):\n");
    std::printf("  %-12s %-22s %s\n", "USERNAME", "PASSWORD", "ROLE");
    for (const auto& a : kDemoAccounts) {
        std::printf("  %-12s %-22s %s\n", a.username, DemoPassword(a).c_str(), std::string(RoleName(a.role)).c_str());
    }
}

Status FillDemo(store::Connection& conn) {
    SystemClock clock;
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto count, accounts.CountUsers());
    if (count > 0) {
        std::printf("The database already has accounts; the demo accounts are left as they are.\n");
        return Status::Ok();
    }
    CV_RETURN_IF_ERROR(web::InitCrypto());
    store::OrganisationsRepository orgs(conn);
    CV_ASSIGN_OR_RETURN(auto alliance,
                        orgs.Upsert({0, "DEMO-CA", "Demo Cancer Alliance", "alliance", std::nullopt}, clock.NowSeconds()));
    CV_RETURN_IF_ERROR(
        orgs.Upsert({0, "DEMO-T1", "Demo Hospitals NHS Foundation Trust", "trust", alliance.id}, clock.NowSeconds())
            .status());
    web::Actor actor;
    actor.username = "(carevoice demo)";
    actor.role = "admin";
    for (const auto& a : kDemoAccounts) {
        CV_RETURN_IF_ERROR(web::AddUser(conn, clock, web::PasswordCost::kInteractive,
                                        {a.username, a.name, std::string(RoleName(a.role)), DemoPassword(a)}, actor)
                               .status());
    }
    std::printf("Added the demo organisation and one account per role.\n");
    return Status::Ok();
}

}  // namespace

void RegisterDemo(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("demo", "Fill an empty database with demo data and print the demo accounts");
    AddDbOption(*cmd, *url);
    cmd->callback([url] {
        auto db = OpenDatabase(*url);
        if (!db.ok()) throw ExitCode{Fail(db.status())};
        auto conn = (*db)->Acquire();
        if (Status s = FillDemo(*conn); !s.ok()) throw ExitCode{Fail(s)};
        PrintAccounts();
    });
}

}  // namespace carevoice::cli
