#include "web/render/templates.hpp"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "app/crypto.hpp"
#include "core/civil_date.hpp"

namespace carevoice::web {

namespace mustache = kainjow::mustache;

struct Templates::Impl {
    std::map<std::string, std::string> sources;
    std::vector<std::string> partial_names;  // templates some other template includes with {{> name}}
    std::map<std::string, std::unique_ptr<mustache::mustache>> compiled;
    std::string slot_nonce;  // 128 random bits, for the slots' markers
};

namespace {

mustache::data ToData(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data d{mustache::data::type::object};
            for (const auto& [k, v] : j.items()) d.set(k, ToData(v));
            return d;
        }
        case nlohmann::json::value_t::array: {
            mustache::data d{mustache::data::type::list};
            for (const auto& v : j) d.push_back(ToData(v));
            return d;
        }
        case nlohmann::json::value_t::boolean:
            return j.get<bool>() ? mustache::data{mustache::data::type::bool_true}
                                 : mustache::data{mustache::data::type::bool_false};
        case nlohmann::json::value_t::null:
            return mustache::data{mustache::data::type::bool_false};
        case nlohmann::json::value_t::string:
            // An empty text is false, as in JavaScript's mustache: {{^note}}none yet{{/note}} then shows.
            // It renders as nothing either way.
            if (j.get_ref<const std::string&>().empty()) return mustache::data{mustache::data::type::bool_false};
            return mustache::data{j.get<std::string>()};
        default:
            return mustache::data{j.dump()};
    }
}

// {{#long_date}}{{held_on}}{{/long_date}}: the date inside, shown as "5 July 2026" (the NHS.UK style).
// What is inside renders first, escaped as usual; text that is not a YYYY-MM-DD date (empty, or
// "not set") is left as it is, so the lambda never adds anything unescaped of its own.
mustache::data LongDateLambda() {
    return mustache::data{mustache::lambda2{[](const std::string& text, const mustache::renderer& render) {
        std::string inner = render(text);
        std::string_view trimmed = inner;
        while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
        auto date = CivilDate::Parse(trimmed);
        return date.ok() ? date->ToLongString() : inner;
    }}};
}

std::string Stem(const std::string& file) {
    auto dot = file.find('.');
    return dot == std::string::npos ? file : file.substr(0, dot);
}

}  // namespace

Templates::~Templates() = default;

Result<std::shared_ptr<Templates>> Templates::Load(const std::vector<EmbeddedFile>& files) {
    auto t = std::shared_ptr<Templates>(new Templates());
    t->impl_ = std::make_unique<Impl>();
    t->impl_->slot_nonce = app::RandomToken(16);
    for (const auto& f : files) {
        auto m = std::make_unique<mustache::mustache>(f.text);
        if (!m->is_valid()) return Status::Internal("template " + f.name + ": " + m->error_message());
        t->impl_->sources[Stem(f.name)] = f.text;
        t->impl_->compiled[Stem(f.name)] = std::move(m);
    }
    for (const auto& [name, source] : t->impl_->sources) {
        for (std::size_t at = source.find("{{>"); at != std::string::npos; at = source.find("{{>", at + 3)) {
            std::size_t end = source.find("}}", at);
            if (end == std::string::npos) break;
            std::string partial = source.substr(at + 3, end - at - 3);
            partial.erase(0, partial.find_first_not_of(' '));
            partial.erase(partial.find_last_not_of(' ') + 1);
            if (!t->impl_->sources.contains(partial)) {
                return Status::Internal("template " + name + " includes a partial '" + partial +
                                        "' that does not exist");
            }
            if (std::find(t->impl_->partial_names.begin(), t->impl_->partial_names.end(), partial) ==
                t->impl_->partial_names.end()) {
                t->impl_->partial_names.push_back(partial);
            }
        }
    }
    return t;
}

bool Templates::Has(const std::string& name) const { return impl_->compiled.contains(name); }

std::string Templates::Render(const std::string& name, const nlohmann::json& data) const {
    auto it = impl_->compiled.find(name);
    if (it == impl_->compiled.end()) return "<p>Missing template " + name + "</p>";
    mustache::data d = ToData(data);
    d.set("long_date", LongDateLambda());
    // Only the templates used as partials are offered as partials: offering all of them on every
    // render cost more than the render itself.
    for (const auto& partial : impl_->partial_names) {
        const std::string* src = &impl_->sources.at(partial);
        d.set(partial, mustache::partial([src] { return *src; }));
    }
    return it->second->render(d);
}

std::string Templates::SlotMarker(std::size_t slot) const {
    // Ended by "e", so that the marker of slot 1 is not the start of slot 10's.
    return "cvslot" + impl_->slot_nonce + "n" + std::to_string(slot) + "e";
}

std::string Templates::Splice(std::string_view rendered, const std::vector<Slot>& slots) const {
    struct Cut {
        std::size_t at, length;
        const std::string* html;
    };
    std::vector<Cut> cuts;
    std::size_t size = rendered.size();
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const std::string marker = SlotMarker(i);
        const std::size_t at = rendered.find(marker);
        if (at == std::string_view::npos || !slots[i].html) continue;
        cuts.push_back({at, marker.size(), slots[i].html.get()});
        size += slots[i].html->size();
    }
    std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.at < b.at; });
    std::string out;
    out.reserve(size);
    std::size_t from = 0;
    for (const Cut& cut : cuts) {
        out.append(rendered.substr(from, cut.at - from));
        out.append(*cut.html);
        from = cut.at + cut.length;
    }
    out.append(rendered.substr(from));
    return out;
}

}  // namespace carevoice::web
