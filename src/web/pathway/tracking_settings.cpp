// The alert settings page (/pathway/alerts/settings, admins only): the days each "lost in the system" rule
// waits before it fires, kept in the `settings` table under the names of pathway::kAlertSettingFields.
// A change is one transaction with its audit entry ("pathway.alert.settings").
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "store/settings_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web {
namespace {

using namespace pathway_tracking;

// The form's field id for a setting ("pathway.alert.no_contact_days" -> "no_contact_days").
std::string FieldId(std::string_view name) { return std::string(name.substr(name.rfind('.') + 1)); }

void Show(RequestContext& ctx, const pathway::AlertSettings& settings, const std::map<std::string, std::string>& typed,
          const std::vector<FieldProblem>& problems, int status) {
    nlohmann::json fields = nlohmann::json::array(), errors = nlohmann::json::array();
    for (const auto& f : pathway::kAlertSettingFields) {
        const std::string name(f.name), id = FieldId(f.name);
        auto t = typed.find(name);
        nlohmann::json field = {{"id", id},
                                {"name", name},
                                {"label", std::string(f.label)},
                                {"value", t != typed.end() ? t->second : std::to_string(settings.*(f.days))}};
        for (const auto& p : problems) {
            if (p.field != name) continue;
            field["error"] = std::string(f.label) + " " + p.problem;
            errors.push_back({{"field_id", id}, {"message", std::string(f.label) + " " + p.problem}});
        }
        fields.push_back(field);
    }
    ctx.Page("Alert settings", "pathway_alert_settings", {{"fields", fields}, {"errors", errors}}, status);
}

void GetSettings(RequestContext& ctx) {
    auto settings = LoadAlertSettings(ctx.db());
    if (!settings.ok()) return InternalError(ctx, settings.status());
    Show(ctx, *settings, {}, {}, 200);
}

void PostSettings(RequestContext& ctx) {
    pathway::AlertSettings settings;
    std::map<std::string, std::string> typed;
    std::vector<FieldProblem> problems;
    for (const auto& f : pathway::kAlertSettingFields) {
        const std::string name(f.name), value(text::Trim(ctx.Param(name)).substr(0, 16));
        typed[name] = value;
        Status s = pathway::SetAlertSetting(settings, name, value);
        for (const auto& d : s.details()) problems.push_back(d);
    }
    if (!problems.empty()) return Show(ctx, settings, typed, problems, 422);
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return InternalError(ctx, tx.status());
    store::SettingsRepository repo(ctx.db());
    for (const auto& f : pathway::kAlertSettingFields) {
        if (Status s = repo.Set(std::string(f.name), std::to_string(settings.*(f.days))); !s.ok()) {
            return InternalError(ctx, s);
        }
    }
    // The alerts on every kept tracking list change with the settings.
    if (Status s = store::BumpPathwayDataVersion(ctx.db()); !s.ok()) return InternalError(ctx, s);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "pathway.alert.settings",
                                      "settings", "pathway.alert", "success");
    if (!audited.ok()) return InternalError(ctx, audited);
    if (Status s = tx->Commit(); !s.ok()) return InternalError(ctx, s);
    ctx.Redirect("/pathway/alerts/settings", "Alert settings saved.");
}

}  // namespace

void RegisterTrackingSettingsRoutes(Router& router) {
    router.Add("GET", "/pathway/alerts/settings", Access::Roles({Role::kAdmin}), RouteKind::kPage, GetSettings);
    router.Add("POST", "/pathway/alerts/settings", Access::Roles({Role::kAdmin}), RouteKind::kPage, PostSettings);
}

}  // namespace carevoice::web
