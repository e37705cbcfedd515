#include "web/render/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace carevoice::web {
namespace {

struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// Replaces each image with a link to it whose words are the image's description.
void ImagesToLinks(cmark_node* root) {
    std::vector<cmark_node*> images;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE) images.push_back(node);
    }
    cmark_iter_free(iter);
    for (cmark_node* image : images) {
        cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
        const char* url = cmark_node_get_url(image);
        cmark_node_set_url(link, url ? url : "");
        while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
        if (!cmark_node_first_child(link)) {
            cmark_node* words = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(words, "image");
            cmark_node_append_child(link, words);
        }
        cmark_node_insert_before(image, link);
        cmark_node_free(image);  // unlinks it
    }
}

}  // namespace

std::string MarkdownToSafeHtml(std::string_view markdown) {
    // CMARK_OPT_SAFE is libcmark's default since 0.29; it is named here so that the intent survives
    // a change of library.
    const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_HARDBREAKS;
    std::unique_ptr<cmark_node, NodeFree> doc(cmark_parse_document(markdown.data(), markdown.size(), options));
    if (!doc) return "";
    ImagesToLinks(doc.get());
    char* html = cmark_render_html(doc.get(), options);
    if (!html) return "";
    std::string out(html);
    std::free(html);
    return out;
}

}  // namespace carevoice::web
