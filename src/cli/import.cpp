// carevoice import cpes-results FILE [--questions FILE] [--parameters FILE] [--skip-invalid]
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "app/cpes_import.hpp"
#include "app/events_import.hpp"
#include "cli/commands.hpp"
#include "core/file.hpp"

namespace carevoice::cli {
namespace {

struct ImportOptions {
    std::string db, file, questions, parameters, rejected_out;
    int parameters_year = 0;
    bool skip_invalid = false;
    std::size_t max_unpacked_mb = 0;
    std::size_t MaxUnpackedBytes() const { return max_unpacked_mb << 20; }
};

// A progress bar on stderr, only when stderr is a terminal.
class ProgressBar {
  public:
    ProgressBar() : tty_(isatty(STDERR_FILENO) != 0) {}
    void Update(std::size_t done, std::size_t total) {
        if (!tty_ || total == 0) return;
        constexpr int kWidth = 40;
        const int filled = static_cast<int>(kWidth * done / total);
        std::fprintf(stderr, "\r  writing rows [%.*s%*s] %3zu%%", filled, "########################################",
                     kWidth - filled, "", done * 100 / total);
        if (done == total) std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }

  private:
    bool tty_;
};

Result<std::string> ReadOptional(const std::string& path, const char* what, std::size_t max_bytes) {
    auto text = ReadTextFile(path, max_bytes);
    if (!text.ok()) {
        return WithMaxUnpackedHint(
            {text.status().code(), std::string("the ") + what + " file: " + text.status().message()});
    }
    return text;
}

void Import(const ImportOptions& o) {
    auto results = ReadTextFile(o.file, o.MaxUnpackedBytes());
    if (!results.ok()) throw ExitCode{Fail(WithMaxUnpackedHint(results.status()))};
    app::CpesImportRequest request;
    request.results = std::move(*results);
    request.skip_invalid = o.skip_invalid;
    request.source = o.file.substr(o.file.find_last_of('/') + 1);
    if (!o.questions.empty()) {
        auto q = ReadOptional(o.questions, "questions", o.MaxUnpackedBytes());
        if (!q.ok()) throw ExitCode{Fail(q.status())};
        request.questions = std::move(*q);
    }
    if (!o.parameters.empty()) {
        auto p = ReadOptional(o.parameters, "parameters", o.MaxUnpackedBytes());
        if (!p.ok()) throw ExitCode{Fail(p.status())};
        request.parameters = std::move(*p);
    }
    if (o.parameters_year) request.parameters_year = o.parameters_year;
    auto db = OpenDatabase(o.db);
    if (!db.ok()) throw ExitCode{Fail(db.status())};
    auto conn = (*db)->Acquire();
    SystemClock clock;
    ProgressBar bar;
    const auto start = std::chrono::steady_clock::now();
    auto report = app::ImportCpes(*conn, clock, request, CommandLineActor(),
                                  [&bar](std::size_t done, std::size_t total) { bar.Update(done, total); });
    if (!report.ok()) {
        std::fprintf(stderr, "Nothing was imported.\n");
        throw ExitCode{Fail(report.status())};
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("Imported %lld rows for %lld organisations in %.2f s",
                static_cast<long long>(report->summary.rows_imported),
                static_cast<long long>(report->summary.organisations), seconds);
    if (report->summary.rows_replaced) {
        std::printf(", replacing %lld earlier rows", static_cast<long long>(report->summary.rows_replaced));
    }
    std::printf(".\n");
    if (report->questions) std::printf("Imported %zu questions.\n", report->questions);
    if (report->parameters) {
        std::printf("Imported expected-range parameters of %d for %zu questions.\n", *report->parameters_year,
                    report->parameters);
    }
    if (!report->rejected.empty()) {
        std::string out = o.rejected_out.empty() ? o.file + ".rejected.csv" : o.rejected_out;
        if (Status s = WriteTextFile(out, app::RejectedLinesCsv(report->rejected)); !s.ok()) throw ExitCode{Fail(s)};
        std::printf("Skipped %zu invalid lines; they are listed with the reasons in %s\n", report->rejected.size(),
                    out.c_str());
    }
}

struct EventsImportOptions {
    std::string db, file;
    std::size_t max_unpacked_mb = 0;
};

void ImportEventsFile(const EventsImportOptions& o) {
    auto text = ReadTextFile(o.file, o.max_unpacked_mb << 20);
    if (!text.ok()) throw ExitCode{Fail(WithMaxUnpackedHint(text.status()))};
    auto db = OpenDatabase(o.db);
    if (!db.ok()) throw ExitCode{Fail(db.status())};
    auto conn = (*db)->Acquire();
    SystemClock clock;
    const auto start = std::chrono::steady_clock::now();
    auto report = app::ImportEvents(*conn, clock, *text, CommandLineActor());
    if (!report.ok()) throw ExitCode{Fail(report.status())};
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("Read %lld events in %.2f s: %lld new, %lld already imported (unchanged).\n",
                static_cast<long long>(report->read), seconds, static_cast<long long>(report->inserted),
                static_cast<long long>(report->unchanged));
}

}  // namespace

app::Actor CommandLineActor() {
    app::Actor a;
    const char* login = std::getenv("USER");
    a.username = std::string("(command line") + (login ? ": " + std::string(login) : "") + ")";
    a.role = "admin";
    return a;
}

void RegisterImport(CLI::App& app) {
    auto* import = app.add_subcommand("import", "Import data files");
    import->require_subcommand(1);
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = import->add_subcommand(
        "cpes-results",
        "Import published National Cancer Patient Experience Survey results (.csv or .csv.gz). Each year and kind in "
        "the file replaces what was there. A file with any invalid row is refused whole unless --skip-invalid.");
    AddDbOption(*cmd, o->db);
    cmd->add_option("file", o->file, "The results file (.csv or .csv.gz)")->required();
    cmd->add_option("--questions", o->questions, "The questions file (question, section, question_text)");
    cmd->add_option("--parameters", o->parameters,
                    "Expected-range parameters (question, measure, national_adjusted, sd, tau2)");
    cmd->add_option("--parameters-year", o->parameters_year,
                    "Year the parameters belong to (default: the newest year with adjusted results in the file)");
    cmd->add_flag("--skip-invalid", o->skip_invalid,
                  "Import the valid rows and write the rejected ones, with reasons, to a CSV file");
    cmd->add_option("--rejected-out", o->rejected_out, "Where to write rejected lines (default: FILE.rejected.csv)");
    AddMaxUnpackedOption(*cmd, o->max_unpacked_mb);
    cmd->callback([o] { Import(*o); });

    auto e = std::make_shared<EventsImportOptions>();
    auto* events = import->add_subcommand(
        "events",
        "Import pathway events (.csv or .csv.gz in the layout of shared/docs/pathway.md: pathway_id,event_id,date,type,"
        "provider,route,modality,admitted,outcome,until,to_provider,supersedes). Idempotent by event id: importing "
        "the same file twice changes nothing. A file with any bad line is refused whole, naming the line.");
    AddDbOption(*events, e->db);
    AddMaxUnpackedOption(*events, e->max_unpacked_mb);
    events->add_option("file", e->file, "The events file (.csv or .csv.gz)")->required();
    events->callback([e] { ImportEventsFile(*e); });
}

}  // namespace carevoice::cli
