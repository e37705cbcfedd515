#include "experience/test_support.hpp"

#include <cstdlib>
#include <limits>

#include "core/csv.hpp"
#include "core/file.hpp"
#include "core/text.hpp"

namespace carevoice::experience::test_support {
namespace {

std::string EnvOr(const char* name, std::string fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

}  // namespace

std::string SourcePath(std::string_view relative) {
    return EnvOr("CAREVOICE_SOURCE_DIR", CAREVOICE_EXPERIENCE_SOURCE_DIR) + "/" + std::string(relative);
}

std::string SharedPath(std::string_view relative) {
    return EnvOr("CAREVOICE_SHARED_DIR", std::string(CAREVOICE_EXPERIENCE_SOURCE_DIR) + "/../shared") + "/" +
           std::string(relative);
}

double ReferenceCase::at(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
}

Result<ReferenceValues> ReferenceValues::Load() {
    CV_ASSIGN_OR_RETURN(std::string text, ReadTextFile(SourcePath("tests/r/reference_values.csv")));
    csv::Reader reader(text);
    CV_ASSIGN_OR_RETURN(bool has_header, reader.Next());
    if (!has_header) return Status::InvalidArgument("tests/r/reference_values.csv is empty");
    CV_ASSIGN_OR_RETURN(csv::Header header,
                        csv::Header::Parse(reader.fields(), {"check", "case", "item", "name", "value"}));
    ReferenceValues table;
    while (true) {
        CV_ASSIGN_OR_RETURN(bool more, reader.Next());
        if (!more) break;
        const auto& f = reader.fields();
        auto field = [&](const char* column) { return std::string(f[static_cast<std::size_t>(header.Index(column))]); };
        auto value = text::ParseDouble(field("value"));
        if (!value.ok()) {
            return Status::InvalidArgument("reference_values.csv line " + std::to_string(reader.line()) + ": " +
                                           value.status().message());
        }
        auto& cases = table.by_check_[field("check")];
        if (cases.empty() || cases.back().id != field("case") || cases.back().item != field("item")) {
            cases.push_back({field("case"), field("item"), {}});
        }
        cases.back().values[field("name")] = *value;
    }
    return table;
}

std::vector<ReferenceCase> ReferenceValues::Cases(std::string_view check, std::string_view case_id) const {
    auto it = by_check_.find(std::string(check));
    if (it == by_check_.end()) return {};
    std::vector<ReferenceCase> out;
    for (const auto& c : it->second) {
        if (case_id.empty() || c.id == case_id) out.push_back(c);
    }
    return out;
}

}  // namespace carevoice::experience::test_support
