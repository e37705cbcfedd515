// The administration pages (admin.cpp: the home, users and roles, the audit log; admin_users.cpp: the actions
// on one person's account that ask first — disabling, resetting a password).
#pragma once

namespace carevoice::web {

class Router;

void RegisterAdminUserActionRoutes(Router& router);  // admin_users.cpp

}  // namespace carevoice::web
