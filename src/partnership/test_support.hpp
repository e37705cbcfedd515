// Shorthands for the partnership tests: dates from text, people of each kind, and checks that a
// Status names a field. Compiled into partnership_tests only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "partnership/person.hpp"

namespace carevoice::partnership::testing {

inline CivilDate D(std::string_view iso) {
    auto date = CivilDate::Parse(iso);
    EXPECT_TRUE(date.ok()) << iso;
    return date.ok() ? *date : CivilDate();
}

// A member who joined on 2023-01-01 and prefers e-mail.
inline Person Member(std::int64_t id, std::string name, MemberType type) {
    Person p;
    p.id = id;
    p.group_id = 1;
    p.name = std::move(name);
    p.contact_method = ContactMethod::kEmail;
    p.email = "member" + std::to_string(id) + "@example.org";
    p.member_type = type;
    if (type == MemberType::kProfessional) p.discipline = "Clinical nurse specialist";
    if (type == MemberType::kVoluntarySector) p.organisation = "Macmillan Cancer Support";
    p.joined_on = D("2023-01-01");
    return p;
}

// True when the status is InvalidArgument and one of its details is about `field`.
inline ::testing::AssertionResult NamesField(const Status& status, std::string_view field) {
    if (status.code() != StatusCode::kInvalidArgument) {
        return ::testing::AssertionFailure() << "expected invalid_argument, got " << status.ToString();
    }
    for (const FieldProblem& problem : status.details()) {
        if (problem.field == field) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "no problem with '" << field << "' in: " << status.ToString();
}

}  // namespace carevoice::partnership::testing
