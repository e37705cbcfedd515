// Page templates: mustache files under web/templates, compiled into the binary and parsed once at
// start-up. {{name}} is HTML-escaped; unescaped slots ({{{name}}}) hold only HTML carevoice made
// itself: the layout's {{{body}}} (a page this class rendered), SVG charts drawn on the server, and
// Markdown turned into safe HTML by web/markdown.hpp. Data comes as nlohmann::json, the same values the
// JSON API serialises.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/status.hpp"

namespace carevoice::web {

const std::vector<EmbeddedFile>& EmbeddedTemplateFiles();

class Templates {
  public:
    // Parses every file; fails naming a template with a syntax error.
    static Result<std::shared_ptr<Templates>> Load(const std::vector<EmbeddedFile>& files = EmbeddedTemplateFiles());
    ~Templates();
    // Renders the named template (file name without .mustache); partials ({{> name}}) resolve
    // to other templates.
    std::string Render(const std::string& name, const nlohmann::json& data) const;
    // HTML rendered earlier and kept (a cached table of thousands of rows) placed into a template's
    // {{{name}}} slot without passing through the template engine again: rendering gives the slot a marker
    // and Splice puts the HTML where the marker is, so a large fragment is copied once, not once per layer.
    struct Slot {
        std::string name;
        std::shared_ptr<const std::string> html;
    };
    // The marker Render should put into the place of `slots[slot]`: letters, digits, '-' and '_' (the same
    // escaped or not), with a random part fixed at start-up that no output ever shows, so no text a person
    // typed can be mistaken for it.
    std::string SlotMarker(std::size_t slot) const;
    // `rendered` with the marker of each slot (SlotMarker of its index) replaced by its HTML; a slot whose
    // marker is missing is left out.
    std::string Splice(std::string_view rendered, const std::vector<Slot>& slots) const;
    bool Has(const std::string& name) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace carevoice::web
