// carevoice demo: fills an empty database with a demo organisation and one account per role, so
// that `make run` shows carevoice at once. Later capabilities add their demo data here.
#include <cstdio>

#include "app/accounts.hpp"
#include "app/cpes_import.hpp"
#include "app/crypto.hpp"
#include "cli/commands.hpp"
#include "core/file.hpp"
#include "demo/partnership_demo.hpp"
#include "demo/pathway_demo.hpp"
#include "store/accounts_repository.hpp"
#include "store/experience_repository.hpp"
#include "store/organisations_repository.hpp"

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
    {"eolcoordinator", "Eli Coordinator", Role::kCoordinator},
};

std::string DemoPassword(const DemoAccount& a) { return std::string("demo-") + a.username + "-2026"; }

void PrintAccounts() {
    std::printf("\nDemo accounts (demo data only, never real patients):\n");
    std::printf("  %-12s %-22s %s\n", "USERNAME", "PASSWORD", "ROLE");
    for (const auto& a : kDemoAccounts) {
        std::printf("  %-12s %-22s %s\n", a.username, DemoPassword(a).c_str(), std::string(RoleName(a.role)).c_str());
    }
}

// The published national results, 2015-2018: real organisations with real figures.
Status ImportSurveyResults(store::Connection& conn, const std::string& dir) {
    CV_ASSIGN_OR_RETURN(auto existing, store::ExperienceRepository(conn).CountResults());
    if (existing > 0) {
        std::printf("Survey results are already imported (%lld rows).\n", static_cast<long long>(existing));
        return Status::Ok();
    }
    auto results = ReadTextFile(dir + "/cpes_2015_2018_results.csv.gz");
    if (!results.ok()) {
        std::printf(
            "The published survey results were not found in %s, so none were imported. Import them later "
            "with 'carevoice import cpes-results FILE'.\n",
            dir.c_str());
        return Status::Ok();
    }
    app::CpesImportRequest request;
    request.results = std::move(*results);
    CV_ASSIGN_OR_RETURN(request.questions, ReadTextFile(dir + "/cpes_2015_2018_questions.csv"));
    CV_ASSIGN_OR_RETURN(request.parameters, ReadTextFile(dir + "/cpes_2018_expected_range_parameters.csv"));
    request.parameters_year = 2018;
    request.source = "cpes_2015_2018_results.csv.gz (demo)";
    SystemClock clock;
    app::Actor actor;
    actor.username = "(carevoice demo)";
    actor.role = "admin";
    CV_ASSIGN_OR_RETURN(auto report, app::ImportCpes(conn, clock, request, actor));
    std::printf(
        "Imported the published National Cancer Patient Experience Survey results, 2015-2018: %lld rows for "
        "%lld organisations.\n",
        static_cast<long long>(report.summary.rows_imported), static_cast<long long>(report.summary.organisations));
    return Status::Ok();
}

Status FillDemo(store::Connection& conn, const std::string& cpes_dir) {
    CV_RETURN_IF_ERROR(ImportSurveyResults(conn, cpes_dir));
    SystemClock clock;
    store::AccountsRepository accounts(conn);
    CV_ASSIGN_OR_RETURN(auto count, accounts.CountUsers());
    if (count > 0) {
        std::printf("The database already has accounts; the demo accounts are left as they are.\n");
        return Status::Ok();
    }
    CV_RETURN_IF_ERROR(app::InitCrypto());
    store::OrganisationsRepository orgs(conn);
    CV_ASSIGN_OR_RETURN(auto alliance, orgs.Upsert({0, "DEMO-CA", "Demo Cancer Alliance", "alliance", std::nullopt},
                                                   clock.NowSeconds()));
    CV_RETURN_IF_ERROR(
        orgs.Upsert({0, "DEMO-T1", "Demo Hospitals NHS Foundation Trust", "trust", alliance.id}, clock.NowSeconds())
            .status());
    app::Actor actor;
    actor.username = "(carevoice demo)";
    actor.role = "admin";
    for (const auto& a : kDemoAccounts) {
        CV_RETURN_IF_ERROR(app::AddUser(conn, clock, app::PasswordCost::kInteractive,
                                        {a.username, a.name, std::string(RoleName(a.role)), DemoPassword(a)}, actor)
                               .status());
    }
    std::printf("Added the demo organisation and one account per role.\n");
    return Status::Ok();
}

}  // namespace

void RegisterDemo(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto cpes_dir = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("demo", "Fill an empty database with demo data and print the demo accounts");
    AddDbOption(*cmd, *url);
    const char* env = std::getenv("CAREVOICE_CPES_DIR");
    *cpes_dir = env && *env ? env : CAREVOICE_DEFAULT_CPES_DIR;
    cmd->add_option(
        "--cpes-dir", *cpes_dir,
        "Folder with the published CPES files (default: $CAREVOICE_CPES_DIR, else ../shared/datasets/cpes)");
    cmd->callback([url, cpes_dir] {
        auto db = OpenDatabase(*url);
        if (!db.ok()) throw ExitCode{Fail(db.status())};
        auto conn = (*db)->Acquire();
        if (Status s = FillDemo(*conn, *cpes_dir); !s.ok()) throw ExitCode{Fail(s)};
        // The partnership group links the demo facilitator and member accounts, so it comes after them;
        // it does nothing when the group exists already.
        SystemClock clock;
        if (Status s = demo::FillPartnershipDemo(*conn, clock); !s.ok()) throw ExitCode{Fail(s)};
        std::printf(
            "The demo partnership group is in place (modelled on the Milton Keynes Cancer Patient Partnership).\n");
        // The pathway demo links the demo coordinators to their prime providers, so it comes after them too.
        if (Status s = demo::FillPathwayDemo(*conn, clock); !s.ok()) throw ExitCode{Fail(s)};
        std::printf(
            "The demo pathway area is in place: a synthetic Staffordshire-like area with four CCG areas, invented "
            "patients only ('coordinator' works for the cancer prime provider, 'eolcoordinator' for the end-of-life "
            "one).\n");
        PrintAccounts();
    });
}

}  // namespace carevoice::cli
