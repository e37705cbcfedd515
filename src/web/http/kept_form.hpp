// Nothing typed is lost when a session expires mid-form (issue 10, item 2). A form POST of a page route that
// opts in (RouteOptions::keeps_typed_form) and arrives without a session is not refused outright: its fields
// are kept (store::KeptFormsRepository) under a token only this browser holds (a cookie), and the person is
// sent to sign in, then back to the form's page. There the handler takes the kept fields (TakeKeptForm) and
// shows the form filled in with them, to check and send again. Nothing kept is ever saved by itself: only a
// new POST, signed in and with this session's CSRF token, saves it; so a kept form cannot be used to act for
// anyone, and another browser (without the cookie) gets nothing back.
#pragma once

#include <string>

#include "web/http/context.hpp"

namespace carevoice::web {

inline constexpr const char* kKeptFormCookie = "cv_kept";

// Keeps the request's URL-encoded fields (without its CSRF token) and answers with the redirect to sign in,
// returning true; false (answering nothing) when the request has no URL-encoded body to keep. The page to
// come back to is the form's `return_to` field when it is a local path, else the POST's own path.
bool KeepTypedForm(RequestContext& ctx);

// For a signed-in request of the page a form was kept for: loads the kept fields into ctx.kept_fields (so that
// ctx.Param reads them) and forgets them; true when there were some.
bool TakeKeptForm(RequestContext& ctx);

}  // namespace carevoice::web
