// The terms-of-reference warnings of a group (partnership/terms_of_reference_warnings.hpp) as the
// internal pages show them: the overview lists them all, the meetings list and a meeting's page the
// ones about meetings (a meeting without quorum).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/status.hpp"
#include "partnership/terms_of_reference.hpp"
#include "partnership/terms_of_reference_warnings.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::partnership_pages {

struct GroupWarnings {
    std::optional<partnership::TermsOfReference> terms;  // none: the group has not recorded its terms
    std::vector<partnership::TorWarning> warnings;       // empty without terms
};

// Reads the group's terms, people and meetings and checks them as of today.
Result<GroupWarnings> LoadTorWarnings(RequestContext& ctx, std::int64_t group_id);

// {kind, label, message, href (the meeting's page, for meeting warnings)} for each warning that
// `keep` accepts; the message starts with a capital letter.
template <typename Keep>
nlohmann::json WarningsJson(const std::vector<partnership::TorWarning>& warnings, std::int64_t group_id, Keep keep) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : warnings) {
        if (!keep(w)) continue;
        std::string message = w.message;
        if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') message[0] = static_cast<char>(message[0] - 32);
        nlohmann::json j = {{"kind", std::string(NameOf(partnership::kTorWarningKinds, w.kind))},
                            {"label", std::string(LabelOf(partnership::kTorWarningKinds, w.kind))},
                            {"message", message}};
        if (w.meeting_id) {
            j["href"] = "/groups/" + std::to_string(group_id) + "/meetings/" + std::to_string(*w.meeting_id);
        }
        list.push_back(std::move(j));
    }
    return list;
}

inline bool IsMeetingWarning(const partnership::TorWarning& w) {
    return w.kind == partnership::TorWarningKind::kMeetingWithoutQuorum ||
           w.kind == partnership::TorWarningKind::kMeetingWithoutLayQuorum;
}

}  // namespace carevoice::web::partnership_pages
