// Test helper: what a response says, read the way a person would, so that an HTTP test asserts why a
// request was refused and not only its status: the error page's message, the field a form's error summary
// points to, the API's error code and details[].field. Compiled into test programs only.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstddef>
#include <string>
#include <vector>

namespace carevoice::web::testing {

// What the 403 page says when a form comes without this session's CSRF token (App::Dispatch).
inline constexpr const char* kCsrfRefused = "This form was not sent from this carevoice page, or it has expired";

// Whether `text` holds `needle`, and how many times (occurrences that do not overlap).
bool Contains(const std::string& text, const std::string& needle);
std::size_t Occurrences(const std::string& text, const std::string& needle);

// The response is carevoice's error page (RequestContext::Error) with `status`, and one of its paragraphs
// (the message, or a "field: problem" line), read as plain text, contains `message`.
//   EXPECT_TRUE(IsErrorPage(r, 403, "Only the group's facilitators"));
::testing::AssertionResult IsErrorPage(const httplib::Result& r, int status, const std::string& message);

// The response is a form shown again with `status` (422, or 409 for a conflict with what is stored) whose
// error summary links to the element `field_id` (the field's name; a date's first box "name-day"; a
// radio's first option; empty: any problem, linked or not) with a message that, read as plain text,
// contains `message`, if one is given.
//   EXPECT_TRUE(HasFieldError(r, "title", "Enter the work item's title"));
::testing::AssertionResult HasFieldError(const httplib::Result& r, const std::string& field_id,
                                         const std::string& message = "", int status = 422);

// The ids the error summary of a page links to, in the summary's order (empty for a problem it names no
// element for). Forms list problems in the order their fields appear on the page.
std::vector<std::string> ErrorSummaryLinks(const std::string& body);

// The body rows of the first table whose caption contains `caption`, each as its cells' text the way a
// person reads it on a desktop: tags and the phone-only column headings (nhsuk-table__heading) left out,
// spaces collapsed, entities turned back. Empty when no such table.
std::vector<std::vector<std::string>> TableRows(const std::string& body, const std::string& caption);

// That table has a row whose cells, from the first, are `cells` ("*" matches any one cell).
//   EXPECT_TRUE(HasTableRow(page->body, "The observations", {"1 June 2026", "90.00"}));
::testing::AssertionResult HasTableRow(const std::string& body, const std::string& caption,
                                       const std::vector<std::string>& cells);

// The response is a JSON API error: `status`, {"error": {"code": code, ...}}, and, when `field` is given,
// an entry of error.details naming it.
//   EXPECT_TRUE(IsApiError(r, 422, "invalid_argument", "username"));
::testing::AssertionResult IsApiError(const httplib::Result& r, int status, const std::string& code,
                                      const std::string& field = "");

// The response sends a visitor who is not signed in to the sign-in page, to come back to the page after:
// 303 to /sign-in?next=... (for a POST or an API call: 401, which IsErrorPage/IsApiError assert).
::testing::AssertionResult IsSentToSignIn(const httplib::Result& r);

}  // namespace carevoice::web::testing
