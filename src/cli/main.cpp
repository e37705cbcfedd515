// carevoice: one binary for the server and every administrative task.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "carevoice: what people affected by cancer say, turned into fair comparisons, partnership work and coordinated "
        "pathways.\nRun 'carevoice COMMAND --help' for the options of a command."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "carevoice 0.1.0");
    carevoice::cli::RegisterServe(app);
    carevoice::cli::RegisterMigrate(app);
    carevoice::cli::RegisterUser(app);
    carevoice::cli::RegisterDemo(app);
    carevoice::cli::RegisterImport(app);
    carevoice::cli::RegisterRatings(app);
    carevoice::cli::RegisterSpc(app);
    carevoice::cli::RegisterClocks(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "carevoice: %s\nRun 'carevoice --help' to see the commands and their options.\n",
                     e.what());
        return 2;
    } catch (const carevoice::cli::ExitCode& code) {
        return code.code;
    }
    return 0;
}
