#include "partnership/impact.hpp"

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {

Status ValidateImpact(const Impact& impact) {
    Problems problems;
    problems.RequireText("title", impact.title);
    problems.RequireText("organisation", impact.organisation);
    problems.RequireText("you_said", impact.you_said);
    problems.RequireText("we_did", impact.we_did);
    const bool to = !text::Trim(impact.fed_back_to).empty();
    const bool how = !text::Trim(impact.fed_back_how).empty();
    const bool on = impact.fed_back_on.has_value();
    if (to || how || on) {
        const std::string whole = "is required once feedback is recorded (to whom, when and how)";
        if (!to) problems.Add("fed_back_to", whole);
        if (!on) problems.Add("fed_back_on", whole);
        if (!how) problems.Add("fed_back_how", whole);
    }
    if (on && *impact.fed_back_on < impact.occurred_on) {
        problems.Add("fed_back_on", "(" + impact.fed_back_on->ToString() + ") is before the impact itself (" +
                                        impact.occurred_on.ToString() + ")");
    }
    if (impact.is_public && text::Trim(impact.difference_made).empty()) {
        problems.Add("difference_made", "is required to publish the impact: say what changed for patients");
    }
    return problems.ToStatus("the impact");
}

}  // namespace carevoice::partnership
