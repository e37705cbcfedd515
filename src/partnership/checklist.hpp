// Checklist templates for environmental audits: areas of a clinic, each with the items a team of
// auditors looks at. Templates are data in code, identified by a key that is stored with each audit;
// a template in use is never edited (a changed checklist is a new key), so old audits keep meaning
// what they meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carevoice::partnership {

struct ChecklistItem {
    std::string code;  // unique within the template, e.g. "W3"
    std::string text;
};

struct ChecklistArea {
    std::string name;
    std::vector<ChecklistItem> items;
};

struct ChecklistTemplate {
    std::string key;
    std::string name;
    std::vector<ChecklistArea> areas;

    // The area and item with this code, or nullptrs.
    struct Found {
        const ChecklistArea* area = nullptr;
        const ChecklistItem* item = nullptr;
    };
    Found Find(std::string_view code) const;
};

// A PLACE-style (Patient-Led Assessments of the Care Environment) checklist for a cancer outpatient
// clinic seen from a patient's or carer's side, as the Milton Keynes partnership's environmental audits
// do: entrance and signage, reception, waiting area, toilets, consulting rooms, information. carevoice's
// own wording, not NHS England's PLACE forms.
inline constexpr std::string_view kPlaceOutpatientKey = "place_outpatient_v1";
const ChecklistTemplate& PlaceOutpatientTemplate();

// Every template carevoice knows, and the one with a key (nullptr if none).
const std::vector<const ChecklistTemplate*>& ChecklistTemplates();
const ChecklistTemplate* FindChecklistTemplate(std::string_view key);

}  // namespace carevoice::partnership
