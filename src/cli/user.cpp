// carevoice user add | list | set-role | disable | enable
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/accounts.hpp"
#include "app/crypto.hpp"
#include "cli/commands.hpp"
#include "store/accounts_repository.hpp"

namespace carevoice::cli {
namespace {

// Reads a password from standard input without echoing it when it is a terminal.
std::string ReadPassword() {
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        std::fprintf(stderr, "Password (at least %zu characters): ", app::kMinPasswordLength);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    return line;
}

Result<store::User> FindUser(store::Connection& conn, const std::string& username) {
    auto user = store::AccountsRepository(conn).FindUserByUsername(username);
    if (!user.ok() && user.status().code() == StatusCode::kNotFound) {
        return Status::NotFound("there is no user '" + username + "'; 'carevoice user list' shows them all");
    }
    return user;
}

struct AddOptions {
    std::string db, username, name, role;
    bool password_stdin = false;
};

void Add(const AddOptions& o) {
    auto db = OpenDatabase(o.db);
    if (!db.ok()) throw ExitCode{Fail(db.status())};
    if (Status s = app::InitCrypto(); !s.ok()) throw ExitCode{Fail(s)};
    std::string password = o.password_stdin ? ReadPassword() : app::RandomToken(12);
    auto conn = (*db)->Acquire();
    SystemClock clock;
    auto user = app::AddUser(*conn, clock, app::PasswordCost::kInteractive, {o.username, o.name, o.role, password},
                             CommandLineActor());
    if (!user.ok()) throw ExitCode{Fail(user.status())};
    std::printf("Added %s (%s) with the role %s.\n", user->display_name.c_str(), user->username.c_str(),
                o.role.c_str());
    if (!o.password_stdin) {
        std::printf("First password: %s\nGive it to them privately; they can change it under \"Your account\".\n",
                    password.c_str());
    }
}

void List(const std::string& url) {
    auto db = OpenDatabase(url);
    if (!db.ok()) throw ExitCode{Fail(db.status())};
    auto conn = (*db)->Acquire();
    auto users = store::AccountsRepository(*conn).ListUsers();
    if (!users.ok()) throw ExitCode{Fail(users.status())};
    SystemClock clock;
    (void)app::AppendAudit(*conn, clock, CommandLineActor(), "user.list", "user", "", "success");
    if (users->empty()) {
        std::printf("No users yet. Add one with: carevoice user add USERNAME --name \"Full Name\" --role admin\n");
        return;
    }
    std::printf("%-24s %-12s %-9s %s\n", "USERNAME", "ROLE", "STATUS", "NAME");
    for (const auto& u : *users) {
        std::printf("%-24s %-12s %-9s %s\n", u.username.c_str(), std::string(RoleName(u.role)).c_str(),
                    u.disabled ? "disabled" : "active", u.display_name.c_str());
    }
}

}  // namespace

void RegisterUser(CLI::App& app) {
    auto* user = app.add_subcommand("user", "Manage accounts: add, list, set-role, disable, enable");
    user->require_subcommand(1);

    auto add = std::make_shared<AddOptions>();
    auto* add_cmd =
        user->add_subcommand("add", "Add an account; prints a random first password unless --password-stdin");
    AddDbOption(*add_cmd, add->db);
    add_cmd->add_option("username", add->username, "Username: lower-case letters, digits, . - _")->required();
    add_cmd->add_option("--name", add->name, "The person's full name")->required();
    add_cmd->add_option("--role", add->role, "admin, analyst, facilitator, member or coordinator")->required();
    add_cmd->add_flag("--password-stdin", add->password_stdin, "Read the password from standard input");
    add_cmd->callback([add] { Add(*add); });

    auto list_db = std::make_shared<std::string>();
    auto* list_cmd = user->add_subcommand("list", "List every account with its role and status");
    AddDbOption(*list_cmd, *list_db);
    list_cmd->callback([list_db] { List(*list_db); });

    struct Target {
        std::string db, username, role;
    };
    auto role = std::make_shared<Target>();
    auto* role_cmd = user->add_subcommand("set-role", "Change an account's role (signs the person out)");
    AddDbOption(*role_cmd, role->db);
    role_cmd->add_option("username", role->username, "Username")->required();
    role_cmd->add_option("role", role->role, "admin, analyst, facilitator, member or coordinator")->required();
    role_cmd->callback([role] {
        auto parsed = ParseRole(role->role);
        if (!parsed) {
            throw ExitCode{Fail(Status::InvalidArgument("'" + role->role +
                                                        "' is not a role: use admin, analyst, facilitator, member or "
                                                        "coordinator"))};
        }
        auto db = OpenDatabase(role->db);
        if (!db.ok()) throw ExitCode{Fail(db.status())};
        auto conn = (*db)->Acquire();
        auto u = FindUser(*conn, role->username);
        if (!u.ok()) throw ExitCode{Fail(u.status())};
        SystemClock clock;
        if (Status s = app::ChangeRole(*conn, clock, u->id, *parsed, CommandLineActor()); !s.ok())
            throw ExitCode{Fail(s)};
        std::printf("%s now has the role %s.\n", u->username.c_str(), role->role.c_str());
    });

    for (bool disable : {true, false}) {
        auto target = std::make_shared<Target>();
        auto* cmd =
            user->add_subcommand(disable ? "disable" : "enable",
                                 disable ? "Disable an account and end its sessions" : "Enable a disabled account");
        AddDbOption(*cmd, target->db);
        cmd->add_option("username", target->username, "Username")->required();
        cmd->callback([target, disable] {
            auto db = OpenDatabase(target->db);
            if (!db.ok()) throw ExitCode{Fail(db.status())};
            auto conn = (*db)->Acquire();
            auto u = FindUser(*conn, target->username);
            if (!u.ok()) throw ExitCode{Fail(u.status())};
            SystemClock clock;
            if (Status s = app::SetDisabled(*conn, clock, u->id, disable, CommandLineActor()); !s.ok()) {
                throw ExitCode{Fail(s)};
            }
            std::printf("%s is now %s.\n", u->username.c_str(), disable ? "disabled" : "enabled");
        });
    }
}

}  // namespace carevoice::cli
