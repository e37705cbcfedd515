#include "web/http/kept_form.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "app/crypto.hpp"
#include "store/kept_forms_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/local_path.hpp"

namespace carevoice::web {
namespace {

// Every byte but letters, digits and "-._~" percent-encoded: a path with its own query ("?area=3") kept whole
// inside the `next` parameter.
std::string EncodeComponent(const std::string& value) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace

bool KeepTypedForm(RequestContext& ctx) {
    if (ctx.req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) {
        return false;
    }
    httplib::Params fields;
    httplib::detail::parse_query_text(ctx.req.body, fields);
    nlohmann::json kept = nlohmann::json::object();
    std::string return_to;
    for (const auto& [name, value] : fields) {
        if (name == "csrf_token") continue;
        if (name == "return_to") {
            return_to = value;
            continue;
        }
        if (!kept.contains(name)) kept[name] = value;  // the first, as ctx.Param reads it
    }
    const std::string safe = SafeLocalPath(return_to);
    const std::string page = !return_to.empty() && safe == return_to ? return_to : SafeLocalPath(ctx.req.path);
    const std::string token = app::RandomToken(32);
    const Status s = store::KeptFormsRepository(ctx.db()).Keep(app::Sha256Hex(token), page, kept.dump(),
                                                               ctx.app.clock().NowSeconds());
    if (!s.ok()) {
        ctx.LogFailure(500, "keeping a form: " + s.ToString());  // then refused as before: nothing lost by trying
        return false;
    }
    ctx.SetCookie(kKeptFormCookie, token, store::kKeptFormSeconds);
    ctx.Redirect("/sign-in?kept=1&next=" + EncodeComponent(page));
    return true;
}

bool TakeKeptForm(RequestContext& ctx) {
    if (!ctx.user) return false;
    const std::string token = ctx.Cookie(kKeptFormCookie);
    if (token.size() < 20) return false;
    ctx.ClearCookie(kKeptFormCookie);
    auto taken = store::KeptFormsRepository(ctx.db()).Take(app::Sha256Hex(token), SafeLocalPath(ctx.req.target),
                                                           ctx.app.clock().NowSeconds());
    if (!taken.ok() || !taken->has_value()) return false;
    const auto fields = nlohmann::json::parse(**taken, nullptr, /*allow_exceptions=*/false);
    if (!fields.is_object()) return false;
    for (const auto& [name, value] : fields.items()) {
        if (value.is_string()) ctx.kept_fields[name] = value.get<std::string>();
    }
    return !ctx.kept_fields.empty();
}

}  // namespace carevoice::web
