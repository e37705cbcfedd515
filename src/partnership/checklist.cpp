#include "partnership/checklist.hpp"

namespace carevoice::partnership {
namespace {

ChecklistTemplate MakePlaceOutpatient() {
    return {std::string(kPlaceOutpatientKey),
            "Cancer outpatient clinic (PLACE-style)",
            {
                {"Entrance and signage",
                 {
                     {"E1", "The clinic is signposted from the main entrance and car parks"},
                     {"E2", "Signs are in large, clear print and easy to follow"},
                     {"E3", "There is step-free access, or a lift that works"},
                     {"E4", "Disabled parking and a drop-off point are close to the entrance"},
                     {"E5", "The entrance is clean, well lit and free of clutter"},
                 }},
                {"Reception",
                 {
                     {"R1", "Reception is staffed and easy to find"},
                     {"R2", "Staff greet patients and say who they are"},
                     {"R3", "Patients can give their details without being overheard"},
                     {"R4", "Part of the desk is low enough for a wheelchair user"},
                     {"R5", "A hearing loop is available and signed"},
                 }},
                {"Waiting area",
                 {
                     {"W1", "There are enough seats for patients and the people with them"},
                     {"W2", "Some chairs have arms, and seats are of different heights"},
                     {"W3", "Drinking water is available"},
                     {"W4", "Waiting times are shown and kept up to date"},
                     {"W5", "The area is clean, warm and well ventilated"},
                     {"W6", "There is somewhere private for a patient who is upset"},
                 }},
                {"Toilets",
                 {
                     {"T1", "Toilets are near the waiting area and signed"},
                     {"T2", "An accessible toilet is available"},
                     {"T3", "Toilets are clean and stocked with soap, paper and towels"},
                     {"T4", "The emergency pull cord hangs free and works"},
                 }},
                {"Consulting rooms",
                 {
                     {"C1", "Conversations cannot be overheard from outside the room"},
                     {"C2", "There is a chair for the person accompanying the patient"},
                     {"C3", "There is a private place to undress, and gowns that fit"},
                     {"C4", "Tissues and water are at hand"},
                     {"C5", "The room is clean and uncluttered"},
                 }},
                {"Information",
                 {
                     {"I1", "Up-to-date information on cancer types and treatments is on display"},
                     {"I2", "Information on local support groups and Macmillan services is available"},
                     {"I3", "Information is offered in other languages and formats (large print, easy read)"},
                     {"I4", "Patients are given their clinical nurse specialist's contact details"},
                     {"I5", "How to give feedback or complain is clearly displayed"},
                 }},
            }};
}

}  // namespace

ChecklistTemplate::Found ChecklistTemplate::Find(std::string_view code) const {
    for (const ChecklistArea& area : areas) {
        for (const ChecklistItem& item : area.items) {
            if (item.code == code) return {&area, &item};
        }
    }
    return {};
}

const ChecklistTemplate& PlaceOutpatientTemplate() {
    static const ChecklistTemplate kTemplate = MakePlaceOutpatient();
    return kTemplate;
}

const std::vector<const ChecklistTemplate*>& ChecklistTemplates() {
    static const std::vector<const ChecklistTemplate*> kAll = {&PlaceOutpatientTemplate()};
    return kAll;
}

const ChecklistTemplate* FindChecklistTemplate(std::string_view key) {
    for (const ChecklistTemplate* t : ChecklistTemplates()) {
        if (t->key == key) return t;
    }
    return nullptr;
}

}  // namespace carevoice::partnership
